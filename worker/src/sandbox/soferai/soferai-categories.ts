import type { JobClock } from '../shared/job-clock.js';
import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { soferaiErrors } from './soferai-errors.js';
import { jobStatus } from './soferai-job.js';
import type { SoferaiCategory, SoferaiState } from './soferai-state.js';
import { findJob } from './soferai-transcriptions.js';
import {
  checkBool,
  checkInt,
  checkString,
  checkUuid,
  INVALID,
  Issues,
  pathUuid,
  readJsonObject,
  requirePresent,
} from './soferai-validation.js';

/** The colour a category gets when none is given; the service's own default is undocumented. */
export const SOFERAI_DEFAULT_CATEGORY_COLOR = '#6B7280';

// The docs cut off the colour's format (reference/soferai.md §3.6): the sandbox holds to #RRGGBB.
const colorPattern = /^#[0-9a-fA-F]{6}$/;

/**
The nine category endpoints (reference/soferai.md §2.2). Names are unique per account, compared
without case or surrounding spaces (409 `CategoryAlreadyExists`); an unknown category is 404
`CategoryNotFound`.

UNCONFIRMED, the sandbox's choices: filing an unknown transcription is 404; filing one again
moves it to the new position; a transcription filed without `position` goes last; removing one
that is not filed is 404; `color_hex` must be `#RRGGBB` (422 otherwise).
*/
export function soferaiCategoryRoutes(state: SoferaiState, clock: JobClock): Route[] {
  const { categories } = state;
  const findCategory = (rawId: string): SoferaiCategory | Response => {
    const id = pathUuid(rawId, 'category_id');
    if (id instanceof Response) return id;
    return categories.get(id) ?? soferaiErrors.categoryNotFound();
  };
  const nameTaken = (name: string, except?: string) =>
    categories
      .values()
      .some(
        (category) =>
          category.id !== except && category.name.trim().toLowerCase() === name.trim().toLowerCase(),
      );
  const view = (category: SoferaiCategory) => ({
    id: category.id,
    name: category.name,
    color_hex: category.color_hex,
    created_at: category.created_at,
    transcription_count: category.links.length,
    description: category.description,
    auto_tag_enabled: category.auto_tag_enabled,
  });
  const readFields = async (request: Request, nameRequired: boolean) => {
    const read = await readJsonObject(request);
    if (!read.ok) return read.response;
    const { body } = read;
    const issues = new Issues();
    const name =
      !nameRequired || requirePresent(body, 'name', ['body'], issues)
        ? checkString(body['name'], ['body', 'name'], issues, { minLength: 1 })
        : INVALID;
    const color = checkString(body['color_hex'], ['body', 'color_hex'], issues);
    if (typeof color === 'string' && !colorPattern.test(color)) {
      issues.add(
        'string_pattern_mismatch',
        ['body', 'color_hex'],
        `String should match pattern '${colorPattern.source}'`,
        color,
        {
          pattern: colorPattern.source,
        },
      );
    }
    const description = checkString(body['description'], ['body', 'description'], issues);
    const autoTag = checkBool(body['auto_tag_enabled'], ['body', 'auto_tag_enabled'], issues);
    if (
      !issues.empty ||
      name === INVALID ||
      color === INVALID ||
      description === INVALID ||
      autoTag === INVALID
    ) {
      return issues.response();
    }
    return { name, color, description, autoTag };
  };

  return [
    {
      method: 'POST',
      path: '/v1/categories/',
      handler: async ({ request }) => {
        const fields = await readFields(request, true);
        if (fields instanceof Response) return fields;
        const name = fields.name ?? '';
        if (nameTaken(name)) return soferaiErrors.categoryExists(name);
        const category = categories.create((id) => ({
          id,
          name,
          color_hex: fields.color ?? SOFERAI_DEFAULT_CATEGORY_COLOR,
          created_at: new Date(clock.now()).toISOString(),
          description: fields.description,
          auto_tag_enabled: fields.autoTag ?? false,
          links: [],
        }));
        return jsonResponse(view(category));
      },
    },
    { method: 'GET', path: '/v1/categories/', handler: () => jsonResponse(categories.values().map(view)) },
    {
      method: 'GET',
      path: '/v1/categories/:category_id',
      handler: ({ params }) => {
        const category = findCategory(params['category_id'] ?? '');
        return category instanceof Response ? category : jsonResponse(view(category));
      },
    },
    {
      method: 'PUT',
      path: '/v1/categories/:category_id',
      handler: async ({ params, request }) => {
        const category = findCategory(params['category_id'] ?? '');
        if (category instanceof Response) return category;
        const fields = await readFields(request, false);
        if (fields instanceof Response) return fields;
        if (fields.name !== null && nameTaken(fields.name, category.id))
          return soferaiErrors.categoryExists(fields.name);
        const updated = categories.update(category.id, (current) => ({
          ...current,
          name: fields.name ?? current.name,
          color_hex: fields.color ?? current.color_hex,
          description: fields.description ?? current.description,
          auto_tag_enabled: fields.autoTag ?? current.auto_tag_enabled,
        }));
        return jsonResponse(view(updated ?? category));
      },
    },
    {
      method: 'DELETE',
      path: '/v1/categories/:category_id',
      handler: ({ params }) => {
        const category = findCategory(params['category_id'] ?? '');
        if (category instanceof Response) return category;
        categories.delete(category.id);
        return jsonResponse({ message: 'Category deleted successfully', deleted_id: category.id });
      },
    },
    {
      method: 'POST',
      path: '/v1/categories/:category_id/transcriptions',
      handler: async ({ params, request }) => {
        const category = findCategory(params['category_id'] ?? '');
        if (category instanceof Response) return category;
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        const issues = new Issues();
        const transcriptionId = requirePresent(read.body, 'transcription_id', ['body'], issues)
          ? checkUuid(read.body['transcription_id'], ['body', 'transcription_id'], issues)
          : INVALID;
        const position = checkInt(read.body['position'], ['body', 'position'], issues, { min: 0 });
        if (!issues.empty || typeof transcriptionId !== 'string' || position === INVALID)
          return issues.response();
        if (!state.transcriptions.has(transcriptionId)) return soferaiErrors.transcriptionNotFound();
        const others = category.links.filter((link) => link.transcriptionId !== transcriptionId);
        const last = Math.max(-1, ...others.map((link) => link.position));
        categories.update(category.id, (current) => ({
          ...current,
          links: [...others, { transcriptionId, position: position ?? last + 1 }],
        }));
        return jsonResponse({
          message: 'Transcription added to category',
          category_id: category.id,
          transcription_id: transcriptionId,
        });
      },
    },
    {
      method: 'DELETE',
      path: '/v1/categories/:category_id/transcriptions/:transcription_id',
      handler: ({ params }) => {
        const category = findCategory(params['category_id'] ?? '');
        if (category instanceof Response) return category;
        const transcriptionId = pathUuid(params['transcription_id'] ?? '', 'transcription_id');
        if (transcriptionId instanceof Response) return transcriptionId;
        if (!category.links.some((link) => link.transcriptionId === transcriptionId)) {
          return soferaiErrors.transcriptionNotFound();
        }
        categories.update(category.id, (current) => ({
          ...current,
          links: current.links.filter((link) => link.transcriptionId !== transcriptionId),
        }));
        return jsonResponse({
          message: 'Transcription removed from category',
          category_id: category.id,
          transcription_id: transcriptionId,
        });
      },
    },
    {
      method: 'GET',
      path: '/v1/categories/by-transcription/:transcription_id',
      handler: ({ params }) => {
        const transcriptionId = pathUuid(params['transcription_id'] ?? '', 'transcription_id');
        if (transcriptionId instanceof Response) return transcriptionId;
        return jsonResponse(
          categories
            .values()
            .filter((category) => category.links.some((link) => link.transcriptionId === transcriptionId))
            .map(view),
        );
      },
    },
    {
      method: 'GET',
      path: '/v1/categories/:category_id/transcriptions',
      handler: ({ params }) => {
        const category = findCategory(params['category_id'] ?? '');
        if (category instanceof Response) return category;
        const filed = [...category.links]
          .sort((left, right) => left.position - right.position)
          .flatMap((link) => {
            const job = findJob(state, link.transcriptionId);
            return job instanceof Response
              ? []
              : [{ id: job.id, title: job.title, status: jobStatus(job, clock), position: link.position }];
          });
        return jsonResponse(filed);
      },
    },
  ];
}
