export interface Type<V> {
  readonly __isOsdConfigSchemaType: true;
  readonly type: V;
  validate(value: unknown, context?: Record<string, unknown>, namespace?: string): V;
}
export type TypeOf<T extends Type<unknown>> = T['type'];
type Props = Record<string, Type<unknown>>;
export declare const schema: {
  boolean(options?: { defaultValue?: boolean }): Type<boolean>;
  string(options?: { defaultValue?: string }): Type<string>;
  number(options?: { defaultValue?: number }): Type<number>;
  maybe<V>(type: Type<V>): Type<V | undefined>;
  object<P extends Props>(props: P, options?: { defaultValue?: unknown }): Type<{ [K in keyof P]: TypeOf<P[K]> }>;
};
