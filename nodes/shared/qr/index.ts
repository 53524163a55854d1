export { encodeQr, isDarkModule, QrCapacityError } from './qr-code';
export type { QrCode, QrOptions } from './qr-code';
export { ERROR_CORRECTION_LEVELS } from './qr-tables';
export type { ErrorCorrectionLevel } from './qr-tables';
export { parseHexColour, qrBitmap, qrPng, qrSvg } from './render';
export type { RenderOptions } from './render';
export { encodePng } from './png';
export type { Bitmap, Rgb } from './png';
