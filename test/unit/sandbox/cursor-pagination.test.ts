import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../../worker/src/sandbox/index.js';
import {
  decodeCursor,
  encodeCursor,
  paginate,
  parseLimit,
  type PageResult,
} from '../../../worker/src/sandbox/shared/cursor-pagination.js';
import { MemoryStore } from '../../../worker/src/sandbox/shared/memory-store.js';

interface Item {
  readonly id: string;
  readonly n: number;
}

function storeOf(count: number): MemoryStore<Item> {
  const store = new MemoryStore<Item>();
  for (let n = 0; n < count; n += 1) {
    store.create((id) => ({ id, n }));
  }
  return store;
}

function collect(store: MemoryStore<Item>, limit: number, order: 'asc' | 'desc' = 'asc'): number[][] {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const page: PageResult<Item> = paginate(store, { scope: 'test.items', limit, cursor, order });
    if (!page.ok) {
      throw new Error(page.issue);
    }
    pages.push(page.items.map((item) => item.n));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

describe('parseLimit', () => {
  const bounds = { min: 1, max: 1000, default: 1000 };

  test('absent means the default; in-range integers pass', () => {
    expect(parseLimit(null, bounds)).toEqual({ ok: true, limit: 1000 });
    expect(parseLimit('1', bounds)).toEqual({ ok: true, limit: 1 });
    expect(parseLimit('1000', bounds)).toEqual({ ok: true, limit: 1000 });
  });

  test('out-of-range and non-integer values are issues worded like pydantic', () => {
    expect(parseLimit('0', bounds)).toEqual({
      ok: false,
      issue: {
        type: 'greater_than_equal',
        message: 'Input should be greater than or equal to 1',
        input: '0',
        bound: 1,
      },
    });
    expect(parseLimit('1001', bounds)).toEqual({
      ok: false,
      issue: {
        type: 'less_than_equal',
        message: 'Input should be less than or equal to 1000',
        input: '1001',
        bound: 1000,
      },
    });
    for (const raw of ['', 'ten', '1.5', '1e3']) {
      const result = parseLimit(raw, bounds);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.issue.type).toBe('int_parsing');
    }
  });
});

describe('cursors', () => {
  test('are opaque base64url and round-trip', () => {
    const cursor = encodeCursor({ scope: 'soniox.files', order: 'asc', after: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ scope: 'soniox.files', order: 'asc', after: 42 });
  });

  test('garbage decodes to undefined', () => {
    for (const cursor of [
      '',
      'not a cursor',
      '!!!',
      'a',
      btoa('{"v":2}'),
      btoa('[]'),
      btoa('null'),
      encodeURIComponent('x/y'),
    ]) {
      expect(decodeCursor(cursor)).toBeUndefined();
    }
  });
});

describe('paginate', () => {
  test('walks a store in pages, oldest first', () => {
    expect(collect(storeOf(7), 3)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  test('newest first with order desc', () => {
    expect(collect(storeOf(5), 2, 'desc')).toEqual([[4, 3], [2, 1], [0]]);
  });

  test('an exactly full last page has no next cursor', () => {
    expect(collect(storeOf(4), 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(collect(storeOf(0), 2)).toEqual([[]]);
  });

  test('deleting items between pages neither skips nor repeats', () => {
    const store = storeOf(6);
    const first = paginate(store, { scope: 'test.items', limit: 2 });
    if (!first.ok || first.nextCursor === null) {
      throw new Error('expected a next page');
    }
    const [, second] = first.items;
    store.delete(second?.id ?? '');
    const next = store.values().find((item) => item.n === 2);
    store.delete(next?.id ?? '');
    const page = paginate(store, { scope: 'test.items', limit: 10, cursor: first.nextCursor });
    expect(page.ok && page.items.map((item) => item.n)).toEqual([3, 4, 5]);
  });

  test('filters before counting the limit', () => {
    const store = storeOf(10);
    const page = paginate(store, { scope: 'test.items', limit: 3, filter: (item) => item.n % 2 === 0 });
    expect(page.ok && page.items.map((item) => item.n)).toEqual([0, 2, 4]);
  });

  test('refuses a cursor from another list, another order, or nowhere', () => {
    const store = storeOf(3);
    const foreign = encodeCursor({ scope: 'other.list', order: 'asc', after: 1 });
    const reversed = encodeCursor({ scope: 'test.items', order: 'desc', after: 1 });
    for (const cursor of [foreign, reversed, 'garbage', '']) {
      expect(paginate(store, { scope: 'test.items', limit: 2, cursor })).toEqual({
        ok: false,
        issue: 'invalid_cursor',
      });
    }
  });
});

describe('MemoryStore', () => {
  test('keeps insertion order and gives UUID ids', () => {
    const store = storeOf(3);
    expect(store.size).toBe(3);
    expect(store.values().map((item) => item.n)).toEqual([0, 1, 2]);
    for (const item of store.values()) {
      expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(store.get(item.id)).toBe(item);
    }
  });

  test('update keeps the place; delete and clear remove', () => {
    const store = storeOf(3);
    const [first] = store.values();
    const id = first?.id ?? '';
    expect(store.update(id, (item) => ({ ...item, n: 99 }))?.n).toBe(99);
    expect(store.values().map((item) => item.n)).toEqual([99, 1, 2]);
    expect(store.update('missing', (item) => item)).toBeUndefined();
    expect(() => store.update(id, (item) => ({ ...item, id: 'other' }))).toThrow(TypeError);
    expect(store.delete(id)).toBe(true);
    expect(store.delete(id)).toBe(false);
    expect(store.has(id)).toBe(false);
    store.clear();
    expect(store.size).toBe(0);
  });

  test('insert takes a caller-chosen id once', () => {
    const store = new MemoryStore<Item>();
    store.insert({ id: 'chosen', n: 1 });
    expect(() => store.insert({ id: 'chosen', n: 2 })).toThrow();
    expect(() => store.create(() => ({ id: 'not-the-given-id', n: 3 }))).toThrow(TypeError);
  });

  test('sequence numbers are never reused, so old cursors do not match new items', () => {
    const store = storeOf(2);
    const first = paginate(store, { scope: 'test.items', limit: 1 });
    store.clear();
    store.create((id) => ({ id, n: 10 }));
    store.create((id) => ({ id, n: 11 }));
    const page = paginate(store, {
      scope: 'test.items',
      limit: 10,
      cursor: first.ok ? first.nextCursor : null,
    });
    expect(page.ok && page.items.map((item) => item.n)).toEqual([10, 11]);
  });
});

describe('Soniox GET /v1/files pagination over HTTP', () => {
  const sandbox = createSandbox();
  const auth = { Authorization: 'Bearer k' };
  const get = async (query: string) => {
    const response = await sandbox.fetch(
      new Request(`https://api.soniox.com/v1/files${query}`, { headers: auth }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  test('an empty account lists no files and no next cursor', async () => {
    expect(await get('')).toEqual({ status: 200, body: { files: [], next_page_cursor: null } });
    expect(await get('?limit=1000')).toEqual({ status: 200, body: { files: [], next_page_cursor: null } });
  });

  test('limit outside 1–1000 is 400 invalid_request with a query.limit validation error', async () => {
    for (const [limit, errorType, message] of [
      ['0', 'greater_than_equal', 'Input should be greater than or equal to 1'],
      ['1001', 'less_than_equal', 'Input should be less than or equal to 1000'],
      ['abc', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
    ] as const) {
      const { status, body } = await get(`?limit=${limit}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        status_code: 400,
        error_type: 'invalid_request',
        message: 'Invalid request.',
        validation_errors: [{ error_type: errorType, location: 'query.limit', message }],
      });
    }
  });

  test('a cursor Soniox did not issue is 400 invalid_cursor', async () => {
    for (const cursor of [
      'garbage',
      '',
      encodeCursor({ scope: 'soniox.transcriptions', order: 'asc', after: 0 }),
    ]) {
      const { status, body } = await get(`?cursor=${cursor}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        status_code: 400,
        error_type: 'invalid_cursor',
        message: 'Invalid cursor parameter.',
        validation_errors: [],
      });
    }
  });
});
