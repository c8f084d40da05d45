/**
 * The status bar item: the active report's findings at a glance; a click opens the Problems panel.
 * When the server has stopped for good, the item says so and a click restarts it.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from './names';
import type { Totals } from './protocol';
import type { ReportState } from './report-state';

/** Focuses (never toggles) the Problems panel. */
export const FOCUS_PROBLEMS = 'workbench.panel.markers.view.focus';

export class ReportStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('reportLint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[];
  /** "Stopped" before the first start is not worth showing; after a crash it is. */
  private hasRun = false;

  constructor(
    private readonly state: ReportState,
    private readonly client: LanguageClient,
  ) {
    this.item.name = vscode.l10n.t('Report Lint');
    this.disposables = [
      this.item,
      state.onDidChange(() => this.update()),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.hasRun = true;
        this.update();
      }),
    ];
    this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private update(): void {
    const item = this.item;
    if (this.hasRun && this.client.state === State.Stopped) {
      item.text = `$(error) ${vscode.l10n.t('Report Lint stopped')}`;
      item.tooltip = vscode.l10n.t('The report checker is not running. Click to restart it.');
      item.command = COMMANDS.restartServer;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    const totals = this.state.checklist?.totals;
    if (!totals) {
      item.hide();
      return;
    }
    item.text = summary(totals);
    item.tooltip = vscode.l10n.t(
      'Report Lint — errors: {0}, warnings: {1}, information: {2}, hints: {3}. Click to open the Problems panel.',
      totals.error,
      totals.warning,
      totals.information,
      totals.hint,
    );
    item.command = FOCUS_PROBLEMS;
    item.backgroundColor = undefined;
    item.show();
  }
}

/** "$(error) 1 error  $(warning) 3 warnings"; information and hints are counted only when nothing worse is left. */
export function summary(totals: Totals): string {
  const parts: string[] = [];
  if (totals.error > 0) {
    parts.push(totals.error === 1 ? vscode.l10n.t('$(error) 1 error') : vscode.l10n.t('$(error) {0} errors', totals.error));
  }
  if (totals.warning > 0) {
    parts.push(totals.warning === 1 ? vscode.l10n.t('$(warning) 1 warning') : vscode.l10n.t('$(warning) {0} warnings', totals.warning));
  }
  const suggestions = totals.information + totals.hint;
  if (parts.length === 0 && suggestions > 0) {
    parts.push(suggestions === 1 ? vscode.l10n.t('$(info) 1 suggestion') : vscode.l10n.t('$(info) {0} suggestions', suggestions));
  }
  return parts.length > 0 ? parts.join('  ') : vscode.l10n.t('$(check) Report: no problems');
}
