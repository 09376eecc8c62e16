import { BUILTIN_EXTENSIONS } from './app/extensions';
import { parseRoute } from './app/route';
import { openSessionEarly } from './collab/earlySession';
import { claimedAccess } from './map/useMapAccess';

// The page starts in two steps. This small first one opens a map link's socket, with the role the link claims (the
// server decides what it may do either way), and asks for the built-in extensions; then the app itself (React, the
// canvas, the workbench) loads and renders. On a slow phone network the map's transfer then runs while the app is
// still on its way, instead of after it has started.
const route = parseRoute(location.pathname, location.hash);
if (route.page === 'map') {
  const access = claimedAccess(route.room, route.token);
  if (access) openSessionEarly({ room: route.room, ...access });
  for (const load of BUILTIN_EXTENSIONS) void load().catch(() => {});
}
void import('./appRoot').then((m) => m.renderApp());
