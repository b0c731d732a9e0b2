import { taskErrorLines, taskErrors } from '../components/tasks/task_error';
import { isDuplicateDeploy, taskMessageHint } from './task_hints';

describe('task error hints', () => {
  it('explains a hash mismatch and a bare URL, and nothing else', () => {
    const hint = (m: string) => taskMessageHint(m, 'REGISTER_MODEL');
    expect(hint('model content changed')).toMatch(/^the zip at the URL does not match the SHA-256 given/);
    expect(hint(' https://host.test/a/model.zip ')).toMatch(/^ML Commons could not download the zip/);
    expect(hint('Connection refused')).toBeUndefined();
    expect(hint('Server returned HTTP response code: 500 for URL: http://host.test/m.zip')).toBeUndefined();
    // A deploy's "model content changed" is about the stored chunks, not a URL.
    expect(taskMessageHint('model content changed', 'DEPLOY_MODEL')).toBeUndefined();
  });

  it('travels with every place a register task error is shown (list entries and one-line texts)', () => {
    expect(taskErrors('http://127.0.0.1:8765/nope/model.zip', 'REGISTER_MODEL')).toEqual([
      { message: 'http://127.0.0.1:8765/nope/model.zip', hint: expect.stringMatching(/^ML Commons could not download the zip/) },
    ]);
    expect(taskErrorLines('model content changed', {}, 'REGISTER_MODEL')).toEqual([
      'model content changed (the zip at the URL does not match the SHA-256 given: check the hash, and that the URL serves the zip it was computed from)',
    ]);
    expect(taskErrorLines('{"n1":"model content changed","n2":"boom"}', { n1: 'node-1' })).toEqual(['node-1: model content changed', 'n2: boom']);
  });

  it("explains a deploy that failed reading tokenizer.json, whose words (serde_json's) name no file", () => {
    // As ML Commons 2.19.6 and 3.6.0 answer for the bad-tokenizer fixture (test/integration/deploy_errors.test.ts).
    expect(taskMessageHint('EOF while parsing an object at line 1 column 20', 'DEPLOY_MODEL')).toMatch(/^the zip's tokenizer.json could not be read/);
    expect(taskMessageHint('expected `,` or `}` at line 1 column 7', 'DEPLOY_MODEL')).toMatch(/tokenizer.json/);
    expect(taskMessageHint('EOF while parsing an object at line 1 column 20', 'REGISTER_MODEL')).toBeUndefined();
    expect(taskMessageHint('Model not ready yet', 'DEPLOY_MODEL')).toBeUndefined();
  });

  it("explains a deploy's duplicate-task error, and tells a deploy that only met another one from a failed one", () => {
    expect(taskMessageHint('Duplicate deploy model task', 'DEPLOY_MODEL')).toMatch(/^the node already runs this model/);
    expect(taskMessageHint('Duplicate deploy model task', 'REGISTER_MODEL')).toBeUndefined();
    const failed = (error: string) => ({ state: 'FAILED', error });
    expect(isDuplicateDeploy(failed('{"n1":"Duplicate deploy model task","n2":"Duplicate deploy model task"}'))).toBe(true);
    expect(isDuplicateDeploy(failed('{"n1":"Duplicate deploy model task","n2":"model content changed"}'))).toBe(false);
    expect(isDuplicateDeploy(failed('{}'))).toBe(false);
    expect(isDuplicateDeploy({ state: 'COMPLETED_WITH_ERROR', error: '{"n1":"Duplicate deploy model task"}' })).toBe(false);
  });
});
