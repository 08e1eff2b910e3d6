import { afterAll, beforeAll } from 'vitest';

/**
 * happy-dom has no layout engine: gives the virtualised lists' scroll area (data-testid
 * "virtual-scroll") the height a browser would measure, for the tests of one file.
 */
export function useVirtualScrollHeight(px = 480): void {
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'virtual-scroll' ? px : 0;
      },
    });
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
    else Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  });
}
