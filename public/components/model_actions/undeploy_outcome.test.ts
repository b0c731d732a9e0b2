import { undeployOutcome } from './undeploy_outcome';

describe('undeployOutcome', () => {
  it('splits the nodes that released the model from those that did not have it', () => {
    expect(undeployOutcome({ a: { stats: { m1: 'undeployed' } }, b: { stats: { m1: 'not_found' } }, c: { stats: { other: 'undeployed' } } }, 'm1')).toEqual({ released: ['a'], notFound: ['b'] });
  });

  it('an empty answer (no node asked) releases nothing', () => {
    expect(undeployOutcome({}, 'm1')).toEqual({ released: [], notFound: [] });
    expect(undeployOutcome(undefined, 'm1')).toEqual({ released: [], notFound: [] });
  });
});
