import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { invoke } from '../api/client';
import { mutate } from '../api/queryCache';
import { ImportWizard } from './ImportWizard';

/** The lists whose page header has a 导入 button for their spreadsheet import. */
type ImportedList = 'catalogue' | 'students' | 'teachers';

interface Props extends Pick<ComponentProps<typeof ImportWizard>, 'groupAction' | 'onImported'> {
  list: ImportedList;
  /** The button's label, the dialog's title, and which columns the file needs. */
  text: { import: string; importTitle: string; importHint: ReactNode };
}

/** A list's 导入 button and the import dialog it opens, wired to the list's import handlers. */
export function ImportButton({ list, text, ...wizard }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)}>
        {text.import}
      </Button>
      <ImportWizard
        open={open}
        title={text.importTitle}
        hint={text.importHint}
        preview={(request) => invoke(`${list}.importPreview`, request)}
        commit={(request) => mutate(`${list}.importCommit`, request)}
        problems={(request) => invoke(`${list}.importProblems`, request)}
        template={() => invoke(`${list}.importTemplate`, {})}
        onClose={() => setOpen(false)}
        {...wizard}
      />
    </>
  );
}
