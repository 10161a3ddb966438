const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands a workbook the API sent inline as base64 (an import's bad rows) to the browser to save. */
export function saveBase64Workbook(base64: string, name: string): void {
  const link = Object.assign(document.createElement('a'), {
    href: `data:${XLSX};base64,${base64}`,
    download: name,
  });
  document.body.append(link);
  link.click();
  link.remove();
}
