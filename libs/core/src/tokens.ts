export { APP_CONFIG } from '@app/config';
export const LOGGER = Symbol('LOGGER');
