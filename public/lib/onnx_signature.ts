import { ChunkReader, ChunkSource } from './chunk_reader';

/**
 * The declared inputs and outputs of an ONNX graph, read by walking the protobuf wire format as it
 * streams past. Only the handful of small messages that describe the graph's signature are
 * decoded; every other field (nodes, initializer tensors with the weights, docs, value_info) is
 * skipped by length without being copied, so a 4 GB model costs the memory of one chunk.
 *
 * Field numbers are those of onnx.proto (ModelProto, GraphProto, ValueInfoProto, TypeProto,
 * TensorShapeProto, OperatorSetIdProto).
 */

export type OnnxDim = number | string | null;

export interface OnnxValueInfo {
  name: string;
  /** TensorProto.DataType, e.g. 1 = FLOAT, 7 = INT64; undefined for non-tensor types. */
  elemType?: number;
  elemTypeName?: string;
  /** Fixed sizes as numbers, symbolic ones (`batch`) as strings, unknown as null; undefined if no shape. */
  dims?: OnnxDim[];
}

export interface OnnxSignature {
  irVersion?: number;
  producerName?: string;
  /** Version of the default (`ai.onnx`) operator set. */
  opsetVersion?: number;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** How many initializer tensors were skipped, and their total encoded size. */
  initializerCount: number;
  initializerBytes: number;
  bytesRead: number;
  /** The largest value the walker copied out of the stream (names, strings). */
  maxBufferedBytes: number;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

/** Names and strings longer than this are skipped rather than copied (a name is never that long). */
const MAX_STRING_BYTES = 4096;

const ELEM_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
};

export class OnnxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnnxFormatError';
  }
}

const decoder = () => new TextDecoder('utf-8', { fatal: false });

type FieldHandler = (field: number, wire: number, r: ChunkReader) => Promise<boolean>;

class Walker {
  private readonly text = decoder();
  constructor(private readonly r: ChunkReader) {}

  private async skipValue(wire: number) {
    const r = this.r;
    switch (wire) {
      case WIRE_VARINT:
        await r.varint();
        return;
      case WIRE_FIXED64:
        await r.skip(8);
        return;
      case WIRE_LEN:
        await r.skip(await r.varint());
        return;
      case WIRE_FIXED32:
        await r.skip(4);
        return;
      default:
        // Groups (3/4) are not used by onnx.proto; anything else means this is not protobuf.
        throw new OnnxFormatError(`unexpected protobuf wire type ${wire} at byte ${r.offset}`);
    }
  }

  /** Reads fields until `end` (absolute offset; Infinity = end of stream), letting `handle` claim some. */
  async message(end: number, handle: FieldHandler) {
    const r = this.r;
    while (end === Infinity ? !(await r.atEnd()) : r.offset < end) {
      const tag = await r.varint();
      const field = Math.floor(tag / 8);
      const wire = tag % 8;
      if (field === 0) throw new OnnxFormatError(`invalid protobuf field number 0 at byte ${r.offset}`);
      if (!(await handle(field, wire, r))) await this.skipValue(wire);
    }
    if (end !== Infinity && r.offset !== end) throw new OnnxFormatError(`a message overruns its declared length at byte ${r.offset}`);
  }

  /** Enters a length-delimited sub-message. */
  async sub(handle: FieldHandler) {
    const len = await this.r.varint();
    await this.message(this.r.offset + len, handle);
  }

  async string(): Promise<string | undefined> {
    const len = await this.r.varint();
    if (len > MAX_STRING_BYTES) {
      await this.r.skip(len);
      return undefined;
    }
    return this.text.decode(await this.r.bytes(len));
  }

  async valueInfo(): Promise<OnnxValueInfo> {
    const info: OnnxValueInfo = { name: '' };
    await this.sub(async (field, wire) => {
      if (field === 1 && wire === WIRE_LEN) {
        info.name = (await this.string()) ?? '';
        return true;
      }
      if (field === 2 && wire === WIRE_LEN) {
        // TypeProto: tensor_type = 1
        await this.sub(async (f, w) => {
          if (f !== 1 || w !== WIRE_LEN) return false;
          await this.tensorType(info);
          return true;
        });
        return true;
      }
      return false;
    });
    return info;
  }

  private async tensorType(info: OnnxValueInfo) {
    // TypeProto.Tensor: elem_type = 1, shape = 2
    await this.sub(async (field, wire) => {
      if (field === 1 && wire === WIRE_VARINT) {
        info.elemType = await this.r.varint();
        info.elemTypeName = ELEM_TYPES[info.elemType] || `type ${info.elemType}`;
        return true;
      }
      if (field === 2 && wire === WIRE_LEN) {
        const dims: OnnxDim[] = [];
        // TensorShapeProto: dim = 1 -> Dimension: dim_value = 1, dim_param = 2
        await this.sub(async (f, w) => {
          if (f !== 1 || w !== WIRE_LEN) return false;
          let dim: OnnxDim = null;
          await this.sub(async (df, dw) => {
            if (df === 1 && dw === WIRE_VARINT) {
              dim = await this.r.varint();
              return true;
            }
            if (df === 2 && dw === WIRE_LEN) {
              dim = (await this.string()) ?? null;
              return true;
            }
            return false;
          });
          dims.push(dim);
          return true;
        });
        info.dims = dims;
        return true;
      }
      return false;
    });
  }
}

/**
 * Walks an ONNX model from `source` to its end and returns the graph's declared signature.
 * Throws `OnnxFormatError` (or `TruncatedError`) when the bytes are not a readable ONNX model.
 */
export async function readOnnxSignature(source: ChunkSource): Promise<OnnxSignature> {
  const r = new ChunkReader(source);
  const w = new Walker(r);
  const sig: OnnxSignature = { inputs: [], outputs: [], initializerCount: 0, initializerBytes: 0, bytesRead: 0, maxBufferedBytes: 0 };
  let sawGraph = false;

  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8
  await w.message(Infinity, async (field, wire) => {
    if (field === 1 && wire === WIRE_VARINT) {
      sig.irVersion = await r.varint();
      return true;
    }
    if (field === 2 && wire === WIRE_LEN) {
      sig.producerName = await w.string();
      return true;
    }
    if (field === 8 && wire === WIRE_LEN) {
      let domain = '';
      let version: number | undefined;
      await w.sub(async (f, wt) => {
        if (f === 1 && wt === WIRE_LEN) {
          domain = (await w.string()) ?? '';
          return true;
        }
        if (f === 2 && wt === WIRE_VARINT) {
          version = await r.varint();
          return true;
        }
        return false;
      });
      if ((domain === '' || domain === 'ai.onnx') && version !== undefined) sig.opsetVersion = version;
      return true;
    }
    if (field === 7 && wire === WIRE_LEN) {
      sawGraph = true;
      // GraphProto: initializer = 5 (the weights: skipped), input = 11, output = 12
      await w.sub(async (f, wt) => {
        if (f === 11 && wt === WIRE_LEN) {
          sig.inputs.push(await w.valueInfo());
          return true;
        }
        if (f === 12 && wt === WIRE_LEN) {
          sig.outputs.push(await w.valueInfo());
          return true;
        }
        if (f === 5 && wt === WIRE_LEN) {
          const len = await r.varint();
          sig.initializerCount++;
          sig.initializerBytes += len;
          await r.skip(len);
          return true;
        }
        return false;
      });
      return true;
    }
    return false;
  });

  if (!sawGraph) throw new OnnxFormatError('no graph found (is this an ONNX model?)');
  if (sig.irVersion === undefined) throw new OnnxFormatError('no ir_version found (is this an ONNX model?)');
  sig.bytesRead = r.offset;
  sig.maxBufferedBytes = r.maxCopiedBytes;
  return sig;
}

/** `[batch, 384]`-style text for a shape. */
export function formatDims(dims: OnnxDim[] | undefined): string {
  if (!dims) return '?';
  return `[${dims.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}
