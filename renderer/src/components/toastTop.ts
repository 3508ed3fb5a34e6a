/** The CSS variable app/antdProviders.tsx gives antd's messages as their top offset (PageHeader sets it). */
export const TOAST_TOP_VAR = '--pilot-toast-top';
