/** A file the person picks, read as text (at most maxBytes of it: the gate refuses what is too long); undefined when they cancel. */
export function pickTextFile(accept: string, maxBytes: number): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'mk-file-picker';
    let settled = false;
    const finish = (v: { name: string; text: string } | undefined) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(v);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(undefined);
      file.slice(0, maxBytes).text().then(
        (text) => finish({ name: file.name, text }),
        () => finish({ name: file.name, text: '' }),
      );
    });
    input.addEventListener('cancel', () => finish(undefined));
    document.body.appendChild(input);
    input.click();
  });
}
