import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { windowClient } from './platform/api';
import { createAppStore } from './store/appStore';
import { StoreProvider } from './store/StoreProvider';
import './theme/index.css';

/** Starts the renderer against whatever installed `window.ketenkluis` (preload or bridge). */
export function boot(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');
  const store = createAppStore(windowClient());
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
  void store.getState().start();
}
