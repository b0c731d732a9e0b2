import type { ComponentType } from 'react';
import { DeploymentsPage } from '../deployments/deployments_page';
import { ModelGroupsPage } from '../model_groups/model_groups_page';
import { ModelsPage } from '../models/models_page';
import { PlaygroundPage } from '../playground/playground_page';
import { TasksPage } from '../tasks/tasks_page';

export interface AppPage {
  id: string;
  path: string;
  title: string;
  component: ComponentType;
}

/** The app's pages in navigation order; the first one is where the app opens. */
export const PAGES: AppPage[] = [
  { id: 'models', path: '/models', title: 'Models', component: ModelsPage },
  { id: 'modelGroups', path: '/model-groups', title: 'Model groups', component: ModelGroupsPage },
  { id: 'tasks', path: '/tasks', title: 'Tasks', component: TasksPage },
  { id: 'deployments', path: '/deployments', title: 'Deployments', component: DeploymentsPage },
  { id: 'playground', path: '/playground', title: 'Playground', component: PlaygroundPage },
];

export const DEFAULT_PAGE = PAGES[0];
