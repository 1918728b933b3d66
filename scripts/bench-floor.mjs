// The floor under our rules' cost: this build's rules with their real `create`, but listeners that
// do nothing. Pass this module to bench-ab.mjs as the base build, and its "base" column is what
// ESLint charges for calling into the rules at all, the "this" column what they cost:
//
//   node scripts/bench-ab.mjs --base scripts/bench-floor.mjs                 # create + no-op listeners
//   FLOOR=create node scripts/bench-ab.mjs --base scripts/bench-floor.mjs    # create only, no listeners
//
// The no-op listeners have the same selectors as the real ones and, like them, are the same
// function objects for every file (see src/util/stable-listeners.ts); each rule has its own.
// Findings differ from the real build by design, so bench-ab.mjs reports them as changed.

import plugin from '../dist/index.js';

const createOnly = process.env.FLOOR === 'create';

function floorRule(rule) {
  const noops = new Map();
  const noopFor = (selector) => {
    let noop = noops.get(selector);
    if (!noop) {
      noop = () => {};
      noops.set(selector, noop);
    }
    return noop;
  };
  return {
    ...rule,
    create(context) {
      const listeners = rule.create(context);
      if (createOnly) return {};
      const floor = {};
      for (const selector of Object.keys(listeners)) floor[selector] = noopFor(selector);
      return floor;
    },
  };
}

export default {
  ...plugin,
  rules: Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, floorRule(rule)])),
};
