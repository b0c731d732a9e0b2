import * as ort from 'onnxruntime-node';
import { FunctionName, isPoolingMode, POOLING_MODES, SparseEmbeddingFormat } from '../../common/ml_commons';
import type {
  ModelTensor,
  NativeInspectResult,
  ModelConfig,
  NativePredictBody,
  NativePredictResponse,
  NativeProblem,
  NativeTensorInfo,
} from '../../common/types';
import { NativeError } from './native_error';
import { openModelZip } from './model_zip';
import { embeddingTensor, filterTensors, isTargeted, normalizeAxis0, resultFilterOf, pool, similarityTensor, sparseTensor, sparseWeights } from './post_processing';
import { Encoded, ModelTokenizer } from './tokenization';

/**
 * One model loaded in one worker thread: an onnxruntime session fed by input name and the
 * tokenizer from the same zip. Runs ML Commons' functions over whole batches of documents.
 */

export interface RunnerOptions {
  intraOpThreads: number;
  maxBatchSize: number;
}

/**
 * The session options every native model runs with (the benchmark's raw side uses the same).
 * `force_spinning_stop`: onnxruntime's intra-op threads otherwise keep spinning for about 30 ms
 * of CPU after each run ends, on the Dashboards host whose cores the server and its other users
 * share; they still spin within a run, where it pays.
 * `enableCpuMemArena: false`: the arena keeps the peak of the largest run for good (2.46 GB
 * resident after one run of 64 inputs of 512 tokens on MiniLM, against 0.35 GB without it), for
 * about 2-3 % more time per batch of 32 (measured 2026-11-26, same box, alternating runs).
 * `logSeverityLevel: 3` (errors): onnxruntime prints its warnings on stderr, which the server logs
 * as the sidecar's errors; exported models often carry harmless ones ("Removing initializer ...
 * It is not used by any node"). Its errors still reach the user as the load's or run's failure.
 */
export function sessionOptions(intraOpThreads: number): ort.InferenceSession.SessionOptions {
  return {
    logSeverityLevel: 3,
    intraOpNumThreads: intraOpThreads,
    enableCpuMemArena: false,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    extra: { session: { force_spinning_stop: '1' } },
  };
}

type Role = 'input_ids' | 'attention_mask' | 'token_type_ids';
const ROLES: readonly Role[] = ['input_ids', 'attention_mask', 'token_type_ids'];

/** `input_ids` and `input1.input_ids` (ML Commons' sparse names) both play the ids role. */
export function inputRole(name: string): Role | undefined {
  const bare = name.slice(name.lastIndexOf('.') + 1);
  return (ROLES as readonly string[]).includes(bare) ? (bare as Role) : undefined;
}

function tensorInfo(meta: readonly ort.InferenceSession.ValueMetadata[]): NativeTensorInfo[] {
  return meta.map((m) =>
    m.isTensor ? { name: m.name, type: String(m.type), shape: [...m.shape] } : { name: m.name, type: 'non-tensor', shape: [] }
  );
}

/** The ONNX IR version is field 1 of ModelProto, normally its first bytes (a varint). */
function irVersion(bytes: Buffer): number | undefined {
  if (bytes[0] !== 0x08) return undefined;
  let v = 0;
  for (let i = 1, shift = 0; i < 6; i++, shift += 7) {
    v |= (bytes[i] & 0x7f) << shift;
    if (!(bytes[i] & 0x80)) return v;
  }
  return undefined;
}

/** ML Commons' result filter applied to every document's tensors (an entry left empty is `{}`). */
function filtered(res: NativePredictResponse, body: NativePredictBody): NativePredictResponse {
  const filter = resultFilterOf(body);
  if (filter.return_number !== false && !isTargeted(filter)) return res;
  return {
    ...res,
    inference_results: res.inference_results.map((r) => {
      const output = filterTensors(r.output ?? [], filter);
      return output.length ? { ...r, output } : {};
    }),
  };
}

export class ModelRunner {
  readonly inputs: NativeTensorInfo[];
  readonly outputs: NativeTensorInfo[];

  private constructor(
    readonly session: ort.InferenceSession,
    readonly tokenizer: ModelTokenizer,
    readonly files: NativeInspectResult['files'],
    readonly ir: number | undefined,
    private readonly opts: RunnerOptions
  ) {
    this.inputs = tensorInfo(session.inputMetadata);
    this.outputs = tensorInfo(session.outputMetadata);
  }

  /** Opens, checks and loads a zip; TorchScript is refused with a plain explanation. */
  static async load(zipPath: string, opts: RunnerOptions): Promise<ModelRunner> {
    const zip = await openModelZip(zipPath);
    try {
      if (zip.format === 'TORCH_SCRIPT') {
        throw new NativeError(
          400,
          'torchscript_cluster_only',
          `TorchScript models run on the cluster only: ${zip.modelFile} is a .pt file, and native inference runs ONNX. Deploy it to ML Commons and predict there.`
        );
      }
      const tokenizer = ModelRunner.tokenizer(await zip.read(zip.tokenizerFile as string));
      const bytes = await zip.read(zip.modelFile as string);
      let session: ort.InferenceSession;
      try {
        session = await ort.InferenceSession.create(bytes, sessionOptions(opts.intraOpThreads));
      } catch (err) {
        throw new NativeError(400, 'invalid_onnx', `onnxruntime could not load ${zip.modelFile}: ${(err as Error).message}`);
      }
      return new ModelRunner(session, tokenizer, zip.entries, irVersion(bytes), opts);
    } finally {
      zip.close();
    }
  }

  static tokenizer(bytes: Buffer): ModelTokenizer {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      throw new NativeError(400, 'invalid_tokenizer', `tokenizer.json is not valid JSON: ${(err as Error).message}`);
    }
    return new ModelTokenizer(json);
  }

  release() {
    return this.session.release();
  }

  /** `signal` stops the work at the next batch boundary (504 `cancelled`). */
  async predict(functionName: string, body: NativePredictBody, config: ModelConfig | undefined, signal?: AbortSignal): Promise<NativePredictResponse> {
    switch (functionName) {
      case 'text_embedding':
        return filtered(await this.embed(withPrefixes(body, config), config, signal), body);
      case 'sparse_encoding':
        return filtered(await this.sparse(body.text_docs, body.parameters?.sparse_embedding_format ?? 'word', signal), body);
      case 'text_similarity':
        return this.similarity(body.query_text as string, body.text_docs, signal);
      default:
        throw new NativeError(400, 'unsupported_function', `${functionName} is not served by native inference`);
    }
  }

  /**
   * Runs documents in batches of similar length (less padding, same results), each batch fed by
   * input name, and hands every document's slice of the outputs to `collect`.
   */
  private async runAll(
    docs: Encoded[],
    signal: AbortSignal | undefined,
    collect: (doc: number, out: ort.InferenceSession.OnnxValueMapType, row: number, batch: { seq: number; mask: BigInt64Array }) => void
  ) {
    const order = docs.map((_d, i) => i).sort((a, b) => docs[a].ids.length - docs[b].ids.length);
    for (let start = 0; start < order.length; start += this.opts.maxBatchSize) {
      if (signal?.aborted) throw new NativeError(504, 'cancelled', `Stopped after ${start} of ${order.length} documents: the request timed out`);
      const part = order.slice(start, start + this.opts.maxBatchSize);
      const batch = ModelTokenizer.pad(part.map((i) => docs[i]), this.tokenizer.padId);
      const feeds: Record<string, ort.Tensor> = {};
      for (const name of this.session.inputNames) {
        const role = inputRole(name);
        if (!role) throw new NativeError(400, 'unknown_input', `The graph input "${name}" is none of input_ids, attention_mask, token_type_ids`);
        const data = role === 'input_ids' ? batch.ids : role === 'attention_mask' ? batch.mask : batch.types;
        feeds[name] = new ort.Tensor('int64', data, [batch.batch, batch.seq]);
      }
      const out = await this.session.run(feeds);
      part.forEach((doc, row) => collect(doc, out, row, batch));
    }
  }

  /**
   * An output's values, which every formula here reads as float32 (ML Commons replies FLOAT32): a
   * graph whose output is int64, say, is refused as the model's fault, not failed as our own 500.
   */
  private floats(t: ort.Tensor, name: string): Float32Array {
    const kind = (t.data as { [Symbol.toStringTag]?: string })?.[Symbol.toStringTag];
    if (kind !== 'Float32Array') {
      throw new NativeError(400, 'unexpected_output', `Output "${name}" holds ${t.type ?? kind} values; native inference reads model outputs as float32, as ML Commons returns them`);
    }
    return t.data as Float32Array;
  }

  private async embed(texts: string[], config: ModelConfig | undefined, signal?: AbortSignal): Promise<NativePredictResponse> {
    const mode = config?.pooling_mode ?? 'mean';
    // A config read back from a cache entry was not validated by this version's routes.
    if (!isPoolingMode(mode)) throw new NativeError(400, 'invalid_config', `pooling_mode "${mode}" is not one of ${POOLING_MODES.join(', ')}`);
    this.assertInputsSuitModelType(config?.model_type);
    const normalize = !!config?.normalize_result;
    const docs = texts.map((t) => this.tokenizer.encode(t));
    const results: ModelTensor[][] = new Array(texts.length);
    const first = this.session.outputNames[0];
    const second = this.session.outputNames[1];
    if (mode === 'none' && !second) throw new NativeError(400, 'missing_output', 'pooling_mode none uses output 1, which this graph does not have');
    await this.runAll(docs, signal, (doc, out, row, batch) => {
      let pooled;
      const t0 = out[mode === 'none' ? second : first];
      const data = this.floats(t0, mode === 'none' ? second : first);
      const dims = t0.dims;
      if (mode === 'none' && dims.length !== 2) {
        throw new NativeError(400, 'unexpected_output', `pooling_mode none takes output 1 "${second}" as it is, one vector per document, but its shape is [${dims.join(', ')}]; expected [batch, hidden]`);
      }
      if (mode === 'none' || dims.length === 2) {
        // Already one vector per document (`[B, H]`): taken as it is. ML Commons 3.6 keeps a
        // `none` row as `[1, H]`, like max pooling, so normalize_result then gives signs there too.
        const h = dims[dims.length - 1];
        pooled = { data: data.slice(row * h, (row + 1) * h), shape: mode === 'none' ? [1, h] : [h] };
      } else if (dims.length === 3) {
        const [, seq, hidden] = dims;
        pooled = pool({ data, seq, hidden, offset: row * seq * hidden, mask: batch.mask, maskOffset: row * batch.seq }, mode);
      } else {
        throw new NativeError(400, 'unexpected_output', `Output "${first}" has shape [${dims.join(', ')}]; expected [batch, sequence, hidden]`);
      }
      results[doc] = [embeddingTensor(normalize ? normalizeAxis0(pooled) : pooled)];
    });
    return this.answer(results, docs);
  }

  /**
   * ML Commons' text-embedding translator sends token_type_ids exactly when model_type is bert or
   * albert; a graph that declares otherwise fails there ("Input mismatch", at deploy). Native
   * inference feeds inputs by role and would answer anyway, showing results the cluster can never
   * give for this registration: it refuses the same way, saying what to change.
   */
  private assertInputsSuitModelType(modelType: string | undefined) {
    if (modelType === undefined) return;
    const type = modelType.toLowerCase();
    const sends = type === 'bert' || type === 'albert';
    const declares = this.session.inputNames.some((n) => inputRole(n) === 'token_type_ids');
    if (sends === declares) return;
    throw new NativeError(
      400,
      'model_type_inputs',
      sends
        ? `model_type ${modelType}: ML Commons sends token_type_ids, which this graph does not take (inputs: ${this.session.inputNames.join(', ')}), so the cluster fails ("Input mismatch"). Register it with a model_type other than bert or albert.`
        : `model_type ${modelType}: ML Commons sends only input_ids and attention_mask, but this graph also takes token_type_ids, so the cluster fails ("Input mismatch, looking for: [${this.session.inputNames.join(', ')}]"). Register it with model_type bert or albert.`
    );
  }

  /**
   * ML Commons' reply, plus (additive) how many tokens each document had and whether it was
   * truncated: the browser has no tokenizer, and "input too long" deserves a precise answer.
   */
  private answer(results: ModelTensor[][], docs: Encoded[]): NativePredictResponse {
    const counts = docs.map((d) => d.fullLength ?? d.ids.length);
    return {
      inference_results: results.map((output) => ({ output })),
      native: { token_counts: counts, max_length: this.tokenizer.maxLength, truncated: counts.map((c) => c > this.tokenizer.maxLength) },
    };
  }

  private async sparse(texts: string[], format: SparseEmbeddingFormat, signal?: AbortSignal): Promise<NativePredictResponse> {
    const keyOf = format === 'token_id' ? (id: number) => String(id) : (id: number) => this.tokenizer.decodeToken(id);
    const docs = texts.map((t) => this.tokenizer.encode(t));
    const results: ModelTensor[][] = new Array(texts.length);
    await this.runAll(docs, signal, (doc, out, row) => {
      // Every output becomes a token -> weight map, as in SparseEncodingTranslator.
      results[doc] = this.session.outputNames.map((name) => {
        const t = out[name];
        if (t.dims.length !== 2) throw new NativeError(400, 'unexpected_output', `Sparse output "${name}" has shape [${t.dims.join(', ')}]; expected [batch, vocabulary]`);
        const vocab = t.dims[1];
        return sparseTensor(sparseWeights(this.floats(t, name), row * vocab, vocab, keyOf));
      });
    });
    return this.answer(results, docs);
  }

  private async similarity(query: string, texts: string[], signal?: AbortSignal): Promise<NativePredictResponse> {
    const docs = texts.map((t) => this.tokenizer.encode(query, t));
    const results: ModelTensor[][] = new Array(texts.length);
    await this.runAll(docs, signal, (doc, out, row) => {
      results[doc] = this.session.outputNames.map((name) => {
        const t = out[name];
        const per = t.dims.slice(1).reduce((a, b) => a * b, 1);
        return similarityTensor(Float32Array.from(this.floats(t, name).subarray(row * per, (row + 1) * per)), t.dims.slice(1));
      });
    });
    return this.answer(results, docs);
  }

  /** What the register form needs to know about this zip, and what looks wrong. */
  describe(sha256: string, sizeBytes: number): Omit<NativeInspectResult, 'cached'> {
    const problems: NativeProblem[] = [];
    const vocab = this.tokenizer.vocabSize;
    const out0 = this.outputs[0];
    const lastDim = (t?: NativeTensorInfo) => (t && typeof t.shape[t.shape.length - 1] === 'number' ? (t.shape[t.shape.length - 1] as number) : undefined);
    const sparseOut = this.outputs.some((o) => o.shape.length === 2 && lastDim(o) === vocab);
    const hasTypes = this.inputs.some((i) => inputRole(i.name) === 'token_type_ids');
    const names = this.inputs.map((i) => i.name);
    const similarityOut = !sparseOut && out0 && out0.shape.length === 2 && lastDim(out0) === 1;
    const fn: FunctionName = sparseOut ? 'SPARSE_ENCODING' : similarityOut ? 'TEXT_SIMILARITY' : 'TEXT_EMBEDDING';
    const dim = sparseOut ? vocab : lastDim(out0);
    for (const i of this.inputs) {
      if (!inputRole(i.name)) problems.push({ code: 'unknown_input', severity: 'error', message: `Graph input "${i.name}" is none of input_ids, attention_mask, token_type_ids` });
    }
    if (sparseOut && !names.every((n) => n.startsWith('input1.'))) {
      problems.push({
        code: 'sparse_input_names',
        severity: 'error',
        message: `ML Commons feeds sparse models inputs named input1.input_ids and input1.attention_mask; this graph declares ${names.join(', ')}, so the cluster cannot run it ("Invalid input tensor name": 2.19.6 at predict, 3.6.0 already at deploy). Native inference maps them by role and runs it.`,
      });
    }
    if (sparseOut && hasTypes) {
      problems.push({ code: 'sparse_token_type_ids', severity: 'error', message: 'ML Commons feeds sparse models only ids and mask; a token_type_ids input fails with "Input mismatch" on the cluster' });
    }
    if (!sparseOut && !similarityOut) {
      problems.push({
        code: 'model_type_inputs',
        severity: 'warning',
        message: hasTypes
          ? 'The graph declares token_type_ids, which ML Commons sends only when model_type is bert or albert: register it with one of those.'
          : 'The graph has no token_type_ids input: register it with a model_type other than bert or albert, or ML Commons sends one and fails.',
      });
      if (out0 && out0.shape.length !== 3) {
        problems.push({ code: 'output0_not_token_states', severity: 'warning', message: `Output 0 "${out0.name}" is not [batch, sequence, hidden]: ML Commons pools output 0, so pooling settings will not apply` });
      }
    }
    if (this.ir !== undefined && this.ir > 9) {
      problems.push({ code: 'onnx_ir_version', severity: 'error', message: `ONNX IR version ${this.ir}: ML Commons 2.19 runs onnxruntime 1.16.3, which reads IR 9 at most` });
    }
    const model_type = hasTypes ? 'bert' : this.tokenizer.postProcessorType === 'RobertaProcessing' ? 'roberta' : 'distilbert';
    // A sparse encoder needs no config, and none is the only choice that deploys on 2.19 and 3.x
    // alike (3.1+ cannot deploy one with a config; common/validators.ts).
    const model_config =
      fn === 'TEXT_EMBEDDING'
        ? { model_type, embedding_dimension: dim, framework_type: 'sentence_transformers', pooling_mode: 'mean' as const, normalize_result: true }
        : fn === 'TEXT_SIMILARITY'
        ? { model_type, embedding_dimension: dim, framework_type: 'sentence_transformers' }
        : undefined;
    return {
      sha256,
      size_bytes: sizeBytes,
      format: 'ONNX',
      files: this.files,
      inputs: this.inputs,
      outputs: this.outputs,
      embedding_dimension: dim,
      sparse_vocab_output: sparseOut,
      vocab_size: vocab,
      max_length: this.tokenizer.maxLength,
      problems,
      suggested: { function_name: fn, model_format: 'ONNX', model_config },
    };
  }
}

/**
 * ML Commons 2.19 (`TextEmbeddingModel`): a model registered with a query or passage prefix needs
 * `parameters.content_type`, and gets the matching prefix; content_type without prefixes fails.
 */
export function withPrefixes(body: NativePredictBody, config: ModelConfig | undefined): string[] {
  const contentType = body.parameters?.content_type;
  const hasPrefix = config?.query_prefix !== undefined || config?.passage_prefix !== undefined;
  if (contentType && !hasPrefix) {
    throw new NativeError(400, 'prefix_missing', 'When passing AsymmetricTextEmbeddingParameters, the model requires to be registered with at least one of `query_prefix` or `passage_prefix`.');
  }
  if (!contentType && hasPrefix) {
    throw new NativeError(400, 'content_type_missing', 'The embedding model chosen is asymmetric. To use it, you must declare whether the input is of type `QUERY` or of type `PASSAGE`.');
  }
  if (!contentType) return body.text_docs;
  const prefix = contentType === 'passage' ? config?.passage_prefix : config?.query_prefix;
  return prefix === undefined ? body.text_docs : body.text_docs.map((d) => prefix + d);
}
