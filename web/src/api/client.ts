import { accessToken, signOut } from '../session/session';
import { ApiError, apiErrorFrom } from './api-error';
import type { Page } from './types';

const BASE = '/api/v1';

/** Query parameters; empty values (undefined, null, '') are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Sent as JSON, or as it is when it is FormData (uploads). */
  body?: unknown;
}

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(path: string, { method = 'GET', query, body }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { method, headers, body: payload });
  } catch (error) {
    throw new ApiError(0, 'HTTP.NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  // A token the API no longer accepts (expired, password changed, user deactivated): sign out.
  if (response.status === 401 && token) signOut('expired');
  throw await apiErrorFrom(response);
}

/** Calls the API and returns its JSON answer; a failure throws an ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>(path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>(path, { method: 'POST', body, query }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
};

/** The API's largest page. */
const LARGEST_PAGE = 200;

/** Every item of a list endpoint, page after page (a county's staff or open rounds fit in one or two). */
export async function fetchAll<T>(path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<Page<T>>(path, { ...query, page, pageSize: LARGEST_PAGE });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

/** The name in `Content-Disposition` (the UTF-8 `filename*` when given), else the path's last part. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/** Downloads a file the API makes (e.g. `/reports/signing-rates.xlsx`) and hands it to the browser to save. */
export async function download(path: string, query?: Query): Promise<void> {
  const response = await send(path, { query });
  const name = attachmentName(
    response.headers.get('Content-Disposition'),
    path.split('/').pop() ?? 'download',
  );
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
