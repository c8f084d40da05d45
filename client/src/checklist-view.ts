/**
 * The Explorer's checklist view: whether the active report has the four parts the 2019 regulation
 * requires (click a present one to go to it, a missing one to insert it), and its findings by rule.
 * When no report is active the tree is empty and the view shows its welcome content.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECKLIST_VIEW, COMMANDS, PART_IDS, type PartId } from './names';
import type { ChecklistItem } from './protocol';
import type { ReportState } from './report-state';
import { FOCUS_PROBLEMS } from './status';

type Node =
  | { kind: 'parts' }
  | { kind: 'findings' }
  | { kind: 'part'; item: ChecklistItem }
  | { kind: 'rule'; ruleId: string; count: number }
  | { kind: 'clean' };

export function createChecklistView(state: ReportState, client: LanguageClient): vscode.Disposable {
  const provider = new ChecklistProvider(state, client);
  const view = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: provider });
  const describe = () => {
    view.description = state.document ? basename(state.document.uri) : undefined;
  };
  describe();
  return vscode.Disposable.from(view, provider, state.onDidChange(describe));
}

class ChecklistProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: ReportState,
    private readonly client: LanguageClient,
  ) {
    this.subscription = state.onDidChange(() => this.changed.fire());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  getChildren(node?: Node): Node[] {
    const checklist = this.state.checklist;
    if (!checklist) return [];
    if (!node) return [{ kind: 'parts' }, { kind: 'findings' }];
    if (node.kind === 'parts') return checklist.items.map((item) => ({ kind: 'part', item }));
    if (node.kind === 'findings') {
      if (checklist.counts.length === 0) return [{ kind: 'clean' }];
      return [...checklist.counts]
        .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
        .map(({ ruleId, count }) => ({ kind: 'rule', ruleId, count }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const checklist = this.state.checklist!;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'parts': {
        const present = checklist.items.filter((item) => item.present).length;
        const label = vscode.l10n.t('Required parts ({0}/{1})', present, checklist.items.length);
        return withId(new vscode.TreeItem(label, Expanded), 'parts');
      }
      case 'findings': {
        const total = checklist.counts.reduce((sum, { count }) => sum + count, 0);
        return withId(new vscode.TreeItem(vscode.l10n.t('Findings ({0})', total), Expanded), 'findings');
      }
      case 'part':
        return this.partItem(node.item);
      case 'rule': {
        const item = withId(new vscode.TreeItem(node.ruleId), `rule:${node.ruleId}`);
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('issues');
        item.tooltip = vscode.l10n.t('Findings of rule {0}: {1}. Click to open the Problems panel.', node.ruleId, node.count);
        item.command = { command: FOCUS_PROBLEMS, title: vscode.l10n.t('Open the Problems panel') };
        return item;
      }
      case 'clean': {
        const item = withId(new vscode.TreeItem(vscode.l10n.t('No problems found')), 'clean');
        item.iconPath = new vscode.ThemeIcon('check');
        return item;
      }
    }
  }

  private partItem(part: ChecklistItem): vscode.TreeItem {
    const document = this.state.document!;
    // A short label fits the Explorer's width; the server's full wording is in the tooltip.
    const known = (PART_IDS as readonly string[]).includes(part.id);
    const item = withId(new vscode.TreeItem(known ? partLabel(part.id as PartId) : part.label), `part:${part.id}`);
    if (part.present) {
      item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      if (!part.range) item.tooltip = vscode.l10n.t('{0}: present in the report.', part.label);
      else {
        const range = this.client.protocol2CodeConverter.asRange(part.range);
        item.tooltip = vscode.l10n.t('{0}: present in the report. Click to go to it.', part.label);
        item.description = vscode.l10n.t('line {0}', range.start.line + 1);
        item.command = {
          command: 'vscode.open',
          title: vscode.l10n.t('Go to this part'),
          arguments: [document.uri, { selection: range } satisfies vscode.TextDocumentShowOptions],
        };
      }
    } else {
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
      item.description = vscode.l10n.t('missing');
      item.tooltip = vscode.l10n.t('{0}: not found in the report. Click to insert it.', part.label);
      item.command = {
        command: COMMANDS.insertSection,
        title: vscode.l10n.t('Insert this part'),
        arguments: [part.id, document.uri],
      };
    }
    return item;
  }
}

/** The required parts' short names, in VS Code's display language. */
export function partLabel(part: PartId): string {
  switch (part) {
    case 'measures':
      return vscode.l10n.t('Measures and results');
    case 'shortcomings':
      return vscode.l10n.t('Shortcomings and causes');
    case 'leaderDuty':
      return vscode.l10n.t('Leaders’ rule-of-law duty');
    case 'plans':
      return vscode.l10n.t('Plans for the next year');
  }
}

/** Stable ids keep the tree's expansion state across refreshes. */
function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
