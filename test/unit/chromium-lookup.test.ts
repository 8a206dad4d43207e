import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/chromium.js';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('findChromium', () => {
  it('fails the browser suite with instructions when CHROMIUM_PATH points nowhere', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => findChromium()).toThrow('CHROMIUM_PATH=/nonexistent/chromium does not exist');
  });

  it('uses CHROMIUM_PATH when it exists', () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(findChromium()).toBe(process.execPath);
  });
});
