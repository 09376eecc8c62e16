/** Today in the person's own calendar, as YYYY-MM-DD (file names sort by it). */
export function fileDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name base without the characters file systems refuse (as downloads are named). */
export function safeBase(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'mantelkaart';
}
