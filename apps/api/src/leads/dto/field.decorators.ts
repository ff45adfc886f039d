import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches,
  Max, MaxLength, Min, ValidateNested,
} from 'class-validator';

type Decorator = PropertyDecorator;
const doc = (optional: boolean, options: Record<string, unknown>): Decorator =>
  optional ? ApiPropertyOptional(options) : ApiProperty(options);
const presence = (optional: boolean): Decorator => (optional ? IsOptional() : IsDefined());

/** A string of at most `max` characters. */
export const Text = (optional = false, max = 2000): Decorator =>
  applyDecorators(
    doc(optional, { type: String, maxLength: max }), presence(optional), IsString(), optional ? MaxLength(max) : IsNotEmpty(), MaxLength(max),
  );

/** One of a closed vocabulary list from the lead's domain. */
export const OneOf = (values: readonly string[], optional = false): Decorator =>
  applyDecorators(doc(optional, { enum: [...values] }), presence(optional), IsIn([...values]));

/** An ISO-8601 instant with a time zone, so that "as it was" compares like with like. */
export const Instant = (optional = true): Decorator =>
  applyDecorators(
    doc(optional, { type: String, format: 'date-time', example: '2026-01-05T09:00:00.000Z' }),
    presence(optional),
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 date-time' }),
    Matches(/T.*(Z|[+-]\d\d:?\d\d)$/, { message: '$property must be an ISO-8601 date-time with a time zone' }),
  );

/** An ISO-8601 calendar date or date-time. */
export const CalendarDate = (optional = true): Decorator =>
  applyDecorators(doc(optional, { type: String, format: 'date' }), presence(optional), IsISO8601({ strict: true }));

/** A day of the calendar, YYYY-MM-DD, without time or zone (read in the dealer's zone). */
export const Day = (optional = true): Decorator =>
  applyDecorators(
    doc(optional, { type: String, format: 'date', example: '2027-01-04' }), presence(optional),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** A birthday: MM-DD, or YYYY-MM-DD when the year is known. */
export const Birthday = (optional = true): Decorator =>
  applyDecorators(
    doc(optional, { type: String, example: '07-14', description: 'MM-DD or YYYY-MM-DD' }), presence(optional),
    Matches(/^(\d{4}-)?\d{2}-\d{2}$/, { message: '$property must be MM-DD or YYYY-MM-DD' }),
  );

export const Int = (min: number, optional = true, max?: number): Decorator =>
  max === undefined
    ? applyDecorators(doc(optional, { type: Number, minimum: min }), presence(optional), IsInt(), Min(min))
    : applyDecorators(doc(optional, { type: Number, minimum: min, maximum: max }), presence(optional), IsInt(), Min(min), Max(max));

export const Amount = (optional = false): Decorator =>
  applyDecorators(doc(optional, { type: Number, minimum: 0 }), presence(optional), IsNumber({ allowNaN: false, allowInfinity: false }), Min(0));

export const Flag = (optional = false): Decorator =>
  applyDecorators(doc(optional, { type: Boolean }), presence(optional), IsBoolean());

export const Uuid = (optional = false): Decorator =>
  applyDecorators(doc(optional, { type: String, format: 'uuid' }), presence(optional), IsUUID());

export const TextList = (optional = true, maxItems = 20): Decorator =>
  applyDecorators(
    doc(optional, { type: [String] }), presence(optional), IsArray(), ArrayMaxSize(maxItems),
    IsString({ each: true }), MaxLength(200, { each: true }),
  );

/**
 * A nested object validated by its own class. @nestjs/swagger takes a function for a lazy type only when the
 * function is named `type` (a property arrow in an object literal); an anonymous one became `$ref: ".../"`.
 */
export const Nested = (type: () => new () => object, optional = true): Decorator =>
  applyDecorators(doc(optional, { type: () => type() }), presence(optional), ValidateNested(), Type(type));
