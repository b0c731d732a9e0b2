import type { UndeployResponse } from '../../../common/types';

/**
 * What an undeploy did, from ML Commons' per-node answer (`{node: {stats: {model: status}}}`):
 * the nodes that released the model, and those that said `not_found`. ML Commons answers 200
 * either way, and `{}` when no node was asked.
 */
export function undeployOutcome(res: UndeployResponse | undefined, modelId: string): { released: string[]; notFound: string[] } {
  const released: string[] = [];
  const notFound: string[] = [];
  for (const [node, answer] of Object.entries(res ?? {})) {
    const status = answer?.stats?.[modelId]?.toLowerCase();
    if (status === 'undeployed') released.push(node);
    else if (status === 'not_found') notFound.push(node);
  }
  return { released, notFound };
}
