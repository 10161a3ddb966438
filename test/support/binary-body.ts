import type { Response } from 'supertest';

/**
 * A supertest parser that keeps the body as a Buffer (a CSV with its BOM, an XLSX):
 * `request(…).get(path).buffer(true).parse(binaryBody)`.
 */
export function binaryBody(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  // The response handed to a parser is the readable HTTP stream.
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
