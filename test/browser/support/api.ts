/** A signed-in HTTP client of the running app: seeds data and changes it behind a page's back. */
export class Api {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly user: { id: number; username: string; role: string },
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<Api> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string; user: Api['user'] };
    return new Api(baseUrl, body.accessToken, body.user);
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
