import './dialog.css';
/**
 * Prints a standalone page through a hidden frame: the browser's print dialog shows only that page (its own A4
 * layout, no workbench around it), and no pop-up blocker gets in the way. Resolves once the dialog was opened.
 * Extensions reach it as api.window.print.
 */
export function printDocument(html: string, title: string): Promise<void> {
  document.querySelectorAll('iframe.mk-print-frame').forEach((f) => f.remove());
  const frame = document.createElement('iframe');
  frame.className = 'mk-print-frame';
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow;
        if (!win) return reject(new Error('print frame did not load'));
        win.document.title = title;
        // Gone after printing; kept until then, since removing it would end the print preview.
        win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
        win.focus();
        win.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
