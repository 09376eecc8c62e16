import { safeBase } from '../../../shared/exchange/fileNames';
import type { ExportData } from '../api';

/** Offers exported data as a file download named `<title>.<extension>`. */
export function downloadExport(data: ExportData, title: string, extension: string, mimeType: string): void {
  const blob = data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${safeBase(title)}.${extension}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
