import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Schema pieces for the report views. The reports are plain objects built in libs/projections; these classes
 * only describe them for the OpenAPI document (the e2e fixture validates every answer against it).
 */

type Decorator = PropertyDecorator;
export type Schema = SchemaObject | ReferenceObject;

/** An object with one entry per key of a closed list, each of the given schema. */
export const KeyedBy = (keys: readonly string[], value: Schema, description?: string): Decorator =>
  ApiProperty({
    type: 'object',
    properties: Object.fromEntries(keys.map((key) => [key, value])),
    required: [...keys],
    // With `required` a list of keys, @nestjs/swagger needs this to keep the property itself required.
    selfRequired: true,
    additionalProperties: false,
    ...(description === undefined ? {} : { description }),
  } as ApiPropertyOptions);

/** An object whose keys are open (consultant ids, channels, months), each value of the given schema. */
export const MapOf = (value: Schema, description: string): Decorator =>
  ApiProperty({ type: 'object', additionalProperties: value, description } as ApiPropertyOptions);

export const COUNT: Schema = { type: 'integer', minimum: 0 };
export const RATE: Schema = { type: 'number', nullable: true, description: 'null when there is nothing to divide by' };

/** A number that may be null (no data to compute it from). */
export const NullableNumber = (description: string): Decorator => ApiProperty({ type: Number, nullable: true, description });
