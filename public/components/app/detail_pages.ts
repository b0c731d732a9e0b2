import type { ComponentType } from 'react';
import { ModelGroupPage } from '../model_groups/model_group_page';
import { ModelVersionPage } from '../model_version/model_version_page';

export interface DetailPage {
  /** A react-router path with parameters, matched exactly. */
  path: string;
  /** The nav entry the page belongs under (highlighted while it shows). */
  parentId: string;
  component: ComponentType;
}

/**
 * Pages for one object, reached by links rather than the nav. Each sets its own breadcrumbs,
 * since only it knows the object's name.
 */
export const DETAIL_PAGES: DetailPage[] = [
  { path: '/models/:modelId', parentId: 'models', component: ModelVersionPage },
  { path: '/model-groups/:groupId', parentId: 'modelGroups', component: ModelGroupPage },
];
