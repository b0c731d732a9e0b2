import { Tokenizer } from '@huggingface/tokenizers';
import { NativeError } from './native_error';

/**
 * tokenizer.json as ML Commons' DJL HuggingFaceTokenizer applies it: truncation longest-first to
 * `truncation.max_length` (512 when unset, never above DJL's modelMaxLength of 512), special
 * tokens added by the file's post-processor. @huggingface/tokenizers ignores the file's
 * truncation and padding settings, so both are done here.
 */

/** DJL's HuggingFaceTokenizer caps every maxLength at this modelMaxLength (its default). */
export const MAX_TOKENS = 512;

export interface Encoded {
  ids: number[];
  typeIds: number[];
  /** Tokens before truncation (specials included), so callers can say what was cut. */
  fullLength?: number;
}

export interface Batch {
  batch: number;
  seq: number;
  ids: BigInt64Array;
  mask: BigInt64Array;
  types: BigInt64Array;
}

/** The parts of the tokenizer used beyond its typed surface. */
interface TokenizerInternals {
  post_processor: ((a: string[], b: string[] | null, addSpecial: boolean) => { tokens: string[]; token_type_ids?: number[] }) | null;
  get_added_tokens_decoder(): Map<number, { special: boolean }>;
}

export class ModelTokenizer {
  readonly maxLength: number;
  readonly padId: number;
  readonly vocabSize: number;
  readonly postProcessorType?: string;
  private readonly tok: Tokenizer;
  private readonly unkId: number;
  private readonly decoded = new Map<number, string>();

  constructor(json: Record<string, any>) {
    try {
      this.tok = new Tokenizer(json, {});
    } catch (err) {
      throw new NativeError(400, 'invalid_tokenizer', `tokenizer.json could not be loaded: ${(err as Error).message}`);
    }
    const declared = json.truncation?.max_length;
    this.maxLength = typeof declared === 'number' && declared > 0 ? Math.min(declared, MAX_TOKENS) : MAX_TOKENS;
    this.postProcessorType = json.post_processor?.type;
    const vocab = this.tok.get_vocab(true);
    let maxId = -1;
    for (const id of vocab.values()) if (id > maxId) maxId = id;
    this.vocabSize = Math.max(vocab.size, maxId + 1);
    this.unkId = this.tok.token_to_id(json.model?.unk_token ?? '[UNK]') ?? 0;
    const padToken = json.padding?.pad_token;
    this.padId = json.padding?.pad_id ?? (padToken ? this.tok.token_to_id(padToken) : undefined) ?? this.tok.token_to_id('[PAD]') ?? this.tok.token_to_id('<pad>') ?? 0;
  }

  /** One document (or a query/document pair), truncated as DJL does. */
  encode(text: string, pair?: string): Encoded {
    const full = this.tok.encode(text, { text_pair: pair ?? null, return_token_type_ids: true });
    if (full.ids.length <= this.maxLength) return { ids: full.ids, typeIds: full.token_type_ids ?? full.ids.map(() => 0), fullLength: full.ids.length };
    return { ...this.encodeTruncated(text, pair, full.ids.length), fullLength: full.ids.length };
  }

  /**
   * Over-long input: truncate the content tokens longest-first, then let the file's post-processor
   * add the special tokens, so the result is `[CLS] first tokens [SEP]` for BERT-style files.
   */
  private encodeTruncated(text: string, pair: string | undefined, fullLength: number): Encoded {
    const a = this.tok.tokenize(text, { add_special_tokens: false });
    const b = pair === undefined ? null : this.tok.tokenize(pair, { add_special_tokens: false });
    const specials = fullLength - a.length - (b ? b.length : 0);
    let budget = this.maxLength - specials;
    if (budget < 0) budget = 0;
    if (!b) a.length = Math.min(a.length, budget);
    else {
      // Longest first: trim the longer side one token at a time (HF tokenizers' LongestFirst).
      while (a.length + b.length > budget) {
        if (a.length >= b.length && a.length > 0) a.pop();
        else b.pop();
      }
    }
    const pp = (this.tok as unknown as TokenizerInternals).post_processor;
    const out = pp ? pp(a, b, true) : { tokens: b ? [...a, ...b] : a, token_type_ids: undefined };
    const ids = out.tokens.map((t) => this.tok.token_to_id(t) ?? this.unkId);
    return { ids, typeIds: out.token_type_ids ?? ids.map(() => 0) };
  }

  /** The token as ML Commons' sparse output names it: `decode([id], skipSpecialTokens=true)`, "" for specials. */
  decodeToken(id: number): string {
    let s = this.decoded.get(id);
    if (s === undefined) {
      s = this.tok.decode([id], { skip_special_tokens: true });
      this.decoded.set(id, s);
    }
    return s;
  }

  /** Right-pads documents to the longest one, mask 0 on padding (results never see the padding). */
  static pad(docs: Encoded[], padId: number): Batch {
    const batch = docs.length;
    const seq = Math.max(1, ...docs.map((d) => d.ids.length));
    const ids = new BigInt64Array(batch * seq).fill(BigInt(padId));
    const mask = new BigInt64Array(batch * seq);
    const types = new BigInt64Array(batch * seq);
    docs.forEach((d, b) => {
      const base = b * seq;
      for (let s = 0; s < d.ids.length; s++) {
        ids[base + s] = BigInt(d.ids[s]);
        mask[base + s] = BigInt(1);
        types[base + s] = BigInt(d.typeIds[s] || 0);
      }
    });
    return { batch, seq, ids, mask, types };
  }
}
