import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preloadApi';

// Sandboxed preload (bundled to one CJS file): the only bridge between page and main.
contextBridge.exposeInMainWorld('ketenkluis', createPreloadApi(ipcRenderer));
