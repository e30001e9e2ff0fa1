import { ValidateBy, ValidationOptions } from 'class-validator';

/** A JSON value whose serialized form is at most `max` UTF-8 bytes (a JSON scalar input has no length of its own). */
export function MaxJsonBytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxJsonBytes',
      constraints: [max],
      validator: {
        validate: (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') <= max,
        defaultMessage: () => `must be at most ${max / 1024} KB as JSON`,
      },
    },
    options,
  );
}
