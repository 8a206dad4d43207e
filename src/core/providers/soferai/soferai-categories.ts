import * as v from 'valibot';
import type { HttpClient } from '../../http/index.js';
import { validateArguments } from '../shared/validate-arguments.js';
import {
  SoferAICategoryLinkSchema,
  SoferAICategorySchema,
  SoferAICategoryTranscriptionSchema,
  SoferAIDeleteCategorySchema,
  type SoferAICategory,
  type SoferAICategoryLink,
  type SoferAICategoryTranscription,
  type SoferAIDeleteCategoryResult,
} from './soferai-api.js';
import { idSegment, type SoferAICallOptions } from './soferai-ids.js';
import {
  omitUndefined,
  SoferAICreateCategorySchema,
  SoferAIPositionSchema,
  SoferAIUpdateCategorySchema,
} from './soferai-options.js';

/** The fields of a category. */
export interface SoferAICategoryFields {
  /** Unique per account: a second category of the same name is 409. */
  name: string;
  /** A `#RRGGBB` colour. */
  colorHex?: string;
  /** A description (OpenAPI since 2026-01; not in SDK 1.0.0). */
  description?: string;
  /** Whether SoferAI files new transcriptions here on its own (OpenAPI since 2026-01). */
  autoTagEnabled?: boolean;
}

/** `soferai.categories`: group transcriptions into ordered categories. */
export interface SoferAICategories {
  /** Creates a category; `ApiCallError` 409 when one of that name exists. */
  createCategory(options: SoferAICategoryFields & SoferAICallOptions): Promise<SoferAICategory>;
  /** The account's categories. */
  listCategories(options?: SoferAICallOptions): Promise<SoferAICategory[]>;
  /** A category; `ApiCallError` 404 when there is none. */
  getCategory(categoryId: string, options?: SoferAICallOptions): Promise<SoferAICategory>;
  /** Changes the fields given; 404 when there is no such category, 409 when the new name is taken. */
  updateCategory(
    categoryId: string,
    options: Partial<SoferAICategoryFields> & SoferAICallOptions,
  ): Promise<SoferAICategory>;
  /** Deletes a category and its links to transcriptions (not the transcriptions). */
  deleteCategory(categoryId: string, options?: SoferAICallOptions): Promise<SoferAIDeleteCategoryResult>;
  /** Files a transcription in a category, at `position` when given. */
  addTranscriptionToCategory(
    categoryId: string,
    transcriptionId: string,
    options?: { position?: number } & SoferAICallOptions,
  ): Promise<SoferAICategoryLink>;
  /** Takes a transcription out of a category. */
  removeTranscriptionFromCategory(
    categoryId: string,
    transcriptionId: string,
    options?: SoferAICallOptions,
  ): Promise<SoferAICategoryLink>;
  /** The categories a transcription is filed in. */
  getTranscriptionCategories(
    transcriptionId: string,
    options?: SoferAICallOptions,
  ): Promise<SoferAICategory[]>;
  /** The transcriptions filed in a category, with their positions. */
  getCategoryTranscriptions(
    categoryId: string,
    options?: SoferAICallOptions,
  ): Promise<SoferAICategoryTranscription[]>;
}

const categoryPath = (categoryId: string) => `v1/categories/${idSegment(categoryId, 'categoryId')}`;

/** Builds the `categories` namespace on an HTTP client. */
export function createSoferAICategories(http: HttpClient): SoferAICategories {
  const toWire = (fields: v.InferOutput<typeof SoferAIUpdateCategorySchema>) =>
    omitUndefined({
      name: fields.name,
      color_hex: fields.colorHex,
      description: fields.description,
      auto_tag_enabled: fields.autoTagEnabled,
    });
  return {
    async createCategory(options) {
      const { signal, ...fields } = options;
      const category = validateArguments(SoferAICreateCategorySchema, fields);
      return http.json(
        { method: 'POST', path: 'v1/categories/', json: toWire(category), signal },
        SoferAICategorySchema,
      );
    },
    async listCategories(options = {}) {
      return http.json(
        { method: 'GET', path: 'v1/categories/', signal: options.signal },
        v.array(SoferAICategorySchema),
      );
    },
    async getCategory(categoryId, options = {}) {
      return http.json(
        { method: 'GET', path: categoryPath(categoryId), signal: options.signal },
        SoferAICategorySchema,
      );
    },
    async updateCategory(categoryId, options) {
      const { signal, ...fields } = options;
      const path = categoryPath(categoryId);
      const changes = validateArguments(SoferAIUpdateCategorySchema, fields);
      return http.json({ method: 'PUT', path, json: toWire(changes), signal }, SoferAICategorySchema);
    },
    async deleteCategory(categoryId, options = {}) {
      return http.json(
        { method: 'DELETE', path: categoryPath(categoryId), signal: options.signal },
        SoferAIDeleteCategorySchema,
      );
    },
    async addTranscriptionToCategory(categoryId, transcriptionId, options = {}) {
      const path = `${categoryPath(categoryId)}/transcriptions`;
      idSegment(transcriptionId, 'transcriptionId');
      const position = validateArguments(SoferAIPositionSchema, options.position, 'position');
      return http.json(
        {
          method: 'POST',
          path,
          json: omitUndefined({ transcription_id: transcriptionId, position }),
          signal: options.signal,
        },
        SoferAICategoryLinkSchema,
      );
    },
    async removeTranscriptionFromCategory(categoryId, transcriptionId, options = {}) {
      return http.json(
        {
          method: 'DELETE',
          path: `${categoryPath(categoryId)}/transcriptions/${idSegment(transcriptionId, 'transcriptionId')}`,
          signal: options.signal,
        },
        SoferAICategoryLinkSchema,
      );
    },
    async getTranscriptionCategories(transcriptionId, options = {}) {
      return http.json(
        {
          method: 'GET',
          path: `v1/categories/by-transcription/${idSegment(transcriptionId, 'transcriptionId')}`,
          signal: options.signal,
        },
        v.array(SoferAICategorySchema),
      );
    },
    async getCategoryTranscriptions(categoryId, options = {}) {
      return http.json(
        { method: 'GET', path: `${categoryPath(categoryId)}/transcriptions`, signal: options.signal },
        v.array(SoferAICategoryTranscriptionSchema),
      );
    },
  };
}
