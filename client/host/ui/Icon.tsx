import { useContext, useSyncExternalStore } from 'react';
import { HostContext } from './HostContext';

/** The host's own line icons by name; extensions contribute theirs (`contributes.icons`), or give an emoji. */
const PATHS: Record<string, string> = {
  plus: 'M12 5v14M5 12h14',
  trash: 'M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6',
  link: 'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.5 1.5M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.5-1.5',
  undo: 'M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-4',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h4',
  fit: 'M3 8V3h5M21 8V3h-5M3 16v5h5M21 16v5h-5',
  download: 'M12 3v12M7 10l5 5 5-5M5 21h14',
  share: 'M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7M16 6l-4-4-4 4M12 2v13',
  command: 'M9 6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3z',
  problems: 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM12 7.5v5.5M12 16.5v.5',
  error: 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM15 9l-6 6M9 9l6 6',
  warning: 'M12 3 2 20h20L12 3zM12 10v4M12 17v.5',
  info: 'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM12 11v6M12 7.5v.5',
  extensions: 'M4 4h7v3a2 2 0 1 0 4 0V4h5v7h-3a2 2 0 1 0 0 4h3v5H4z',
  flask: 'M9 3h6M10 3v6L4 19a1.5 1.5 0 0 0 1.3 2h13.4a1.5 1.5 0 0 0 1.3-2L14 9V3M7 15h10',
  search: 'M18 11a7 7 0 1 1-14 0 7 7 0 0 1 14 0zM21 21l-5-5',
  list: 'M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01',
  users: 'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8',
  user: 'M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  'map-pin': 'M12 22s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  building: 'M4 21V4a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v17M15 9h4a1 1 0 0 1 1 1v11M2 21h20M8 7h3M8 11h3M8 15h3',
  heart: 'M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z',
  calendar: 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4',
  filter: 'M3 4h18l-7 8v6l-4 2v-8z',
  settings: 'M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1M15 4v4M9 10v4M17 16v4',
  note: 'M5 3h10l4 4v14H5zM15 3v4h4M8 12h8M8 16h6',
  close: 'M6 6l12 12M18 6 6 18',
  panel: 'M3 4h18v16H3zM3 15h18',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 3',
  maximize: 'M4 14v6h6M20 10V4h-6M4 20l7-7M20 4l-7 7',
  restore: 'M10 4v6H4M14 20v-6h6M10 10 3 3M14 14l7 7',
  sidebar: 'M3 4h18v16H3zM9 4v16',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  layout: 'M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM14 14h7v7h-7z',
  check: 'M5 12l5 5 9-10',
  lock: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
  signal: 'M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 19.5v.01',
  pin: 'M12 17v5M9 10.8a2 2 0 0 1-1.1 1.8l-1.8.9A2 2 0 0 0 5 15.2V17h14v-1.8a2 2 0 0 0-1.1-1.8l-1.8-.9a2 2 0 0 1-1.1-1.8V7a1 1 0 0 1 1-1 2 2 0 0 0 0-4H8a2 2 0 0 0 0 4 1 1 0 0 1 1 1z',
  upload: 'M12 21V9M7 14l5-5 5 5M5 3h14',
  vote: 'M3 12h18v9H3zM7 12V3h10v9M9.5 7.5l2 2 3.5-3.5',
  inbox: 'M3 13h5l2 3h4l2-3h5M5.5 5h13L21 13v7H3v-7z',
  timer: 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M9 2h6',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4l13 8-13 8z',
  stop: 'M6 6h12v12H6z',
  volume: 'M11 5 6 9H2v6h4l5 4zM15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13',
  'volume-off': 'M11 5 6 9H2v6h4l5 4zM22 9l-6 6M16 9l6 6',
  megaphone: 'M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1zM15 9a3 3 0 0 1 0 6M18 6a7 7 0 0 1 0 12',
  'message-plus': 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2zM12 7v6M9 10h6',
  lightbulb: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.5 1 2.5h6c0-1 .3-1.8 1-2.5A6 6 0 0 0 12 3z',
};

/** Names of the host's own icons; an extension's icons must not take them. */
export const ICON_NAMES = Object.keys(PATHS);

const noSubscribe = () => () => {};
const noIcons = () => undefined;

/** The path of a named icon: the host's own, or one an extension contributed (inside the Workbench). */
function useIconPath(name: string | undefined): string | undefined {
  const host = useContext(HostContext);
  const icons = host?.services.icons;
  const contributed = useSyncExternalStore(
    icons
      ? (listener) => {
          const d = icons.onDidChange(listener);
          return () => d.dispose();
        }
      : noSubscribe,
    icons && name ? () => icons.get(name)?.declaration.path : noIcons,
  );
  return (name ? PATHS[name] : undefined) ?? contributed;
}

/** Draws a named icon, a contributed emoji, or the first letter of an unknown name; decorative unless labelled. */
export function Icon({ name, size = 18, label }: { name: string | undefined; size?: number; label?: string }) {
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  const path = useIconPath(name);
  if (path) {
    return (
      <svg className="mk-icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" {...a11y}>
        <path d={path} />
      </svg>
    );
  }
  const text = name && [...name].length <= 2 ? name : (name ?? '?').slice(0, 1).toUpperCase();
  return (
    <span className="mk-icon mk-icon-text" style={{ width: size, height: size, fontSize: size * 0.8 }} {...a11y}>
      {text}
    </span>
  );
}
