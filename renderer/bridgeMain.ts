// Development and test entry (vite --mode bridge only): installs window.ketenkluis over the
// loopback bridge, then starts the same renderer as production.
import { boot } from './boot';
import { createBridgeApi, takeTokenFromLocation } from './platform/bridgeApi';

window.ketenkluis = createBridgeApi(takeTokenFromLocation());
boot();
