'use strict';
// Clean-room stand-in: only the types this plugin uses, with OSD-like messages.

class Type {
  constructor(check, defaultValue) {
    this.__isOsdConfigSchemaType = true;
    this.check = check;
    this.defaultValue = defaultValue;
  }
  validate(value, _context, namespace) {
    const v = value === undefined ? this.defaultValue : value;
    const out = this.check(v, namespace ? [namespace] : []);
    return out;
  }
}

function fail(path, message) {
  const err = new Error(path.length ? `[${path.join('.')}]: ${message}` : message);
  throw err;
}

function typed(name, test) {
  return (options = {}) =>
    new Type((value, path) => {
      if (value === undefined) fail(path, `expected value of type [${name}] but got [undefined]`);
      if (!test(value)) fail(path, `expected value of type [${name}] but got [${value === null ? 'null' : typeof value}]`);
      return value;
    }, options.defaultValue);
}

const schema = {
  boolean: typed('boolean', (v) => typeof v === 'boolean'),
  string: typed('string', (v) => typeof v === 'string'),
  number: typed('number', (v) => typeof v === 'number' && !Number.isNaN(v)),
  maybe: (type) => new Type((value, path) => (value === undefined ? undefined : type.check(value, path))),
  object: (props, options = {}) =>
    new Type((value, path) => {
      const input = value === undefined ? {} : value;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        fail(path, `expected a plain object value, but found [${input === null ? 'null' : typeof input}] instead.`);
      }
      for (const key of Object.keys(input)) {
        if (!(key in props)) fail([...path, key], 'definition for this key is missing');
      }
      const out = {};
      for (const [key, type] of Object.entries(props)) {
        const v = input[key] === undefined ? type.defaultValue : input[key];
        const r = type.check(v, [...path, key]);
        if (r !== undefined) out[key] = r;
      }
      return out;
    }, options.defaultValue),
};

module.exports = { schema };
