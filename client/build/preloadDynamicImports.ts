import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/**
 * A build plugin: the page's HTML preloads the chunks that some modules load with `import()` (with the chunks they
 * import in turn, and their CSS). For the entry's second step (the app) and the list of built-in extensions: a map
 * needs them before it can draw a card, and without this the browser learns of them only after the first chunk has
 * downloaded and run, a second wave of requests that cost about half a second on a slow phone network. Only modules
 * inside the client folder count: the development extensions under test/ load on request only.
 */
export function preloadDynamicImports(...importers: string[]): Plugin {
  let root = '';
  let targets: string[] = [];
  return {
    name: 'mantelkaart:preload-dynamic-imports',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildEnd() {
      targets = importers.flatMap((importer) => {
        const id = [...this.getModuleIds()].find((m) => m.endsWith(importer));
        if (!id) this.error(`preloadDynamicImports: ${importer} is not part of the build`);
        return (this.getModuleInfo(id)?.dynamicallyImportedIds ?? []).filter((m) => m.startsWith(root));
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || !ctx.chunk) return;
        const chunkOf = (file: string) => bundle[file] as Rollup.OutputChunk | undefined;
        // What the entry already loads (and Vite already preloads) is left out.
        const loaded = new Set<string>();
        const markLoaded = (file: string) => {
          if (loaded.has(file)) return;
          loaded.add(file);
          for (const f of chunkOf(file)?.imports ?? []) markLoaded(f);
        };
        markLoaded(ctx.chunk.fileName);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (file: string) => {
          if (loaded.has(file) || scripts.has(file)) return;
          const chunk = chunkOf(file);
          if (!chunk) return;
          scripts.add(file);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const f of chunk.imports) visit(f);
        };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.facadeModuleId && targets.includes(chunk.facadeModuleId)) visit(chunk.fileName);
        }
        const tags: HtmlTagDescriptor[] = [...scripts].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' }));
        for (const f of styles) tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${f}` }, injectTo: 'head' });
        return tags;
      },
    },
  };
}
