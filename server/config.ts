import { schema, TypeOf } from '@osd/config-schema';

/**
 * `ml_models.*` in opensearch_dashboards.yml. `@osd/config-schema` is resolved from OSD's own
 * node_modules at run time; in dev and tests from the stand-in under shims/ (never packed).
 */
export const configSchema = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
});

export type MlModelsConfig = TypeOf<typeof configSchema>;
