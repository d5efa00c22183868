/**
 * Hands a file the dashboard made or fetched to the browser as a download. Does nothing where there is
 * no `URL.createObjectURL` (the unit tests' jsdom).
 */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const url = document.defaultView?.URL;
  if (!url || typeof url.createObjectURL !== 'function') return;
  const href = url.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  setTimeout(() => url.revokeObjectURL(href));
}
