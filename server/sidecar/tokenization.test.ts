import { readFileSync } from 'fs';
import { ModelTokenizer } from './tokenization';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');
const json = () => JSON.parse(readFileSync(fixtures.loadFixture('tiny-bert').tokenizerPath, 'utf8'));

describe('tokenization as DJL applies tokenizer.json', () => {
  const tok = new ModelTokenizer(json());

  it('encodes the known bert-base-uncased ids', () => expect(tok.encode('i like strawberries').ids).toEqual([101, 1045, 2066, 13137, 20968, 102]));

  it('truncates to max_length keeping [CLS] ... [SEP]', () => {
    const e = tok.encode('word '.repeat(700));
    expect(e.ids).toHaveLength(512);
    expect([e.ids[0], e.ids[1], e.ids[511]]).toEqual([101, 2773, 102]);
  });

  it('uses truncation.max_length when smaller, never more than 512', () => {
    expect(new ModelTokenizer({ ...json(), truncation: { max_length: 8 } }).encode('a b c d e f g h i j').ids).toHaveLength(8);
    expect(new ModelTokenizer({ ...json(), truncation: { max_length: 4096 } }).maxLength).toBe(512);
    expect(new ModelTokenizer({ ...json(), truncation: null }).maxLength).toBe(512);
  });

  it('encodes a query/document pair with type ids, truncating the longer side first', () => {
    const small = new ModelTokenizer({ ...json(), truncation: { max_length: 9 } });
    const e = small.encode('hello world', 'the cat sat on the mat again');
    expect(e.ids).toHaveLength(9);
    expect(e.ids.filter((id) => id === 102)).toHaveLength(2);
    expect(e.typeIds).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('pads a batch with the pad id and mask 0', () => {
    const b = ModelTokenizer.pad([tok.encode('hello'), tok.encode('hello world again')], tok.padId);
    expect(b.batch).toBe(2);
    expect(Array.from(b.mask.slice(0, b.seq)).map(Number)).toEqual([1, 1, 1, 0, 0]);
    expect(Number(b.ids[4])).toBe(0);
  });

  it('decodes single tokens as ML Commons does (specials empty, ## kept)', () => {
    expect([tok.decodeToken(101), tok.decodeToken(2015), tok.decodeToken(1996)]).toEqual(['', '##s', 'the']);
  });
});
