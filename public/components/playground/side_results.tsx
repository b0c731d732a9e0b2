import { EuiText } from '@elastic/eui';
import React, { useMemo } from 'react';
import type { PredictResponse } from '../../../common/types';
import type { PredictFunction } from '../../../common/ml_commons';
import { denseResults, parsePredictResponse, scoreResults, sparseResults } from '../../lib/playground_results';
import { DenseView } from './dense_view';
import { SimilarityView } from './similarity_view';
import { SparseView } from './sparse_view';

interface Props {
  response: PredictResponse;
  functionName: PredictFunction;
  inputs: string[];
  query?: string;
  onMatrixRendered?: () => void;
}

/** One side's answer, in the view its function calls for. */
export const SideResults = React.memo(function SideResults({ response, functionName, inputs, query, onMatrixRendered }: Props) {
  const results = useMemo(() => parsePredictResponse(response, inputs), [response, inputs]);
  const dense = useMemo(() => denseResults(results), [results]);
  const sparse = useMemo(() => sparseResults(results), [results]);
  const scores = useMemo(() => scoreResults(results), [results]);
  if (functionName === 'text_similarity' && scores.length) return <SimilarityView results={scores} query={query} />;
  if (sparse.length) return <SparseView results={sparse} />;
  if (dense.length) return <DenseView results={dense} onMatrixRendered={onMatrixRendered} />;
  if (scores.length) return <SimilarityView results={scores} query={query} />;
  return (
    <EuiText size="s" data-test-subj="predictNoVectors">
      <p>The response holds no values this page can draw (e.g. return_number is off, or target_response kept no tensor); see the raw response below.</p>
    </EuiText>
  );
});
