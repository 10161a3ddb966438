/**
 * The headers of a file to save: its type, and its name for the browser, in UTF-8 (`filename*`,
 * RFC 6266) with a plain ASCII name for clients that read only `filename`.
 */
export function attachmentHeaders(
  contentType: string,
  fileName: string,
  asciiFallback: string,
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  };
}
