/** What "is type" accepts: JSON's types, plus integer (a number without a fraction). */
export const TYPE_NAMES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
