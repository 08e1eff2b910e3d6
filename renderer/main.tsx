// Production entry: the preload has installed window.ketenkluis before any script runs.
import { boot } from './boot';

boot();
