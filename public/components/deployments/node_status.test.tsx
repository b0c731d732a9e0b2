import { render, screen } from '@testing-library/react';
import React from 'react';
import { NodeStatus } from './node_status';
import { NodeProfileTable } from '../model_version/node_profile_table';

// While a deploy runs, ML Commons lists the target nodes before they become workers.
const PROFILE = { target_worker_nodes: ['n1', 'n2'], worker_nodes: ['n1'], nodes: { n1: { model_state: 'DEPLOYED' }, n2: { model_state: 'DEPLOYING' } } };

describe('node status while a deploy is under way', () => {
  it('the Deployments cell says the missing targets are loading, not failing', () => {
    const { rerender } = render(<NodeStatus modelId="m1" profile={PROFILE} loading={false} names={{ n2: 'node-2' }} modelState="DEPLOYING" />);
    expect(screen.getByTestId('nodeStatusLoading-m1')).toHaveTextContent('Loading on: node-2');
    expect(screen.queryByTestId('nodeStatusMissing-m1')).toBeNull();
    // Same verdict as the model page's table: the node itself says it is loading.
    rerender(<NodeStatus modelId="m1" profile={PROFILE} loading={false} names={{ n2: 'node-2' }} modelState="PARTIALLY_DEPLOYED" />);
    expect(screen.getByTestId('nodeStatusLoading-m1')).toHaveTextContent('Loading on: node-2');
    const failed = { ...PROFILE, nodes: { n1: PROFILE.nodes.n1 } };
    rerender(<NodeStatus modelId="m1" profile={failed} loading={false} names={{ n2: 'node-2' }} modelState="PARTIALLY_DEPLOYED" />);
    expect(screen.getByTestId('nodeStatusMissing-m1')).toHaveTextContent('Not running on: node-2');
    expect(screen.queryByTestId('nodeStatusLoading-m1')).toBeNull();
  });

  it("the model page's node table says a target is loading when its node reports DEPLOYING", () => {
    const { rerender } = render(<NodeProfileTable modelId="m1" profile={{ models: { m1: PROFILE } }} names={{}} modelState="PARTIALLY_DEPLOYED" />);
    expect(screen.getByTestId('nodeLoading-n2')).toHaveTextContent('Loading the model');
    const failed = { ...PROFILE, nodes: { n1: PROFILE.nodes.n1 } };
    rerender(<NodeProfileTable modelId="m1" profile={{ models: { m1: failed } }} names={{}} modelState="PARTIALLY_DEPLOYED" />);
    expect(screen.getByTestId('nodeNotResponding-n2')).toBeInTheDocument();
  });
});
