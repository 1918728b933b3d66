// A startup job in plain JavaScript: the rules need no type information.
// Lines marked ✗ are what ESLint reports.

/** Counts the services to warm; when the timer wins the race, the count is 0. */
export function countServices(db, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(0), ms); // ✗ resilience/no-timeout-sentinel
    db.count().then(
      (count) => {
        clearTimeout(timer);
        resolve(count);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A deadline for the other startup jobs: it rejects, but with a plain Error. */
export function withDeadline(work, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms); // ✗ resilience/prefer-typed-timeout-error
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
