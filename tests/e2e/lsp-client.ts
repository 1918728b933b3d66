// A small Language Server Protocol client over stdio: JSON-RPC 2.0 messages framed by a
// `Content-Length` header, as editors speak to servers. Just what the editor test needs:
// requests with a time limit, notifications, and handlers for the server's own requests
// (`workspace/configuration`, `workspace/applyEdit`, ...).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Handler = (params: unknown) => unknown;

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

const HEADER_END = '\r\n\r\n';

export class LspClient {
  /** Every notification and server request, newest last, for failure messages. */
  readonly log: string[] = [];
  private readonly server: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Handler>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private stderr = '';
  private exited = false;

  constructor(command: string, args: readonly string[], cwd: string) {
    this.server = spawn(command, args, { cwd, stdio: 'pipe' });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.server.on('exit', (code, signal) => {
      this.exited = true;
      for (const [id, pending] of this.pending) {
        clearTimeout(pending.timer);
        pending.reject(new Error(`server exited (${code ?? signal}) before answering ${pending.method}\n${this.tail()}`));
        this.pending.delete(id);
      }
    });
  }

  /** Answers the server's requests of `method` with what `handler` returns. */
  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.tail()}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** `shutdown` then `exit`, as an editor closes a server; kills it if it does not go. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // A server that does not answer is killed below.
    }
    const timer = setTimeout(() => this.server.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** The last messages and stderr lines, for test failures. */
  tail(): string {
    return [...this.log.slice(-15), this.stderr.slice(-2_000)].join('\n');
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}${HEADER_END}`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length: *(\d+)/i.exec(header)?.[1];
      if (length === undefined) throw new Error(`a message without Content-Length: ${header}`);
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const pending = this.pending.get(Number(message.id));
      if (!pending) return;
      this.pending.delete(Number(message.id));
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message}\n${this.tail()}`));
      else pending.resolve(message.result);
      return;
    }
    this.log.push(
      `${message.id === undefined ? 'notification' : 'request'} ${message.method} ${JSON.stringify(message.params)}`.slice(0, 500),
    );
    if (message.id === undefined) return;
    const handler = this.handlers.get(message.method);
    try {
      this.send({ jsonrpc: '2.0', id: message.id, result: handler ? (handler(message.params) ?? null) : null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
    }
  }
}
