import { BorderStyle } from 'docx';

/** The city's house style for every Word document Värna writes (plan, reports, audit reply). */
export const FONT = 'Arial';
/** Dark blue: contrast 8.6:1 on white. */
export const ACCENT = '1F4E79';
export const HEADER_FILL = 'DCE6F2';
export const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8EA9C1' } as const;
export const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
