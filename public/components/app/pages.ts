import type { ComponentType } from 'react';
import { ClusterPage } from '../cluster/cluster_page';
import { DeploymentsPage } from '../deployments/deployments_page';
import { ModelGroupsPage } from '../model_groups/model_groups_page';
import { ModelsPage } from '../models/models_page';
import { PlaygroundPage } from '../playground/playground_page';
import { RegisterPage } from '../register/register_page';
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
  { id: 'cluster', path: '/cluster', title: 'Cluster readiness', component: ClusterPage },
  { id: 'playground', path: '/playground', title: 'Playground', component: PlaygroundPage },
  // `/register?group=<id>` preselects the group the version goes into.
  { id: 'register', path: '/register', title: 'Register model', component: RegisterPage },
];

export const DEFAULT_PAGE = PAGES[0];
