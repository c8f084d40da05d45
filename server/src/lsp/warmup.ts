/**
 * Warming the engine up while the editor is still starting. A fresh process runs the parser and
 * the rules unoptimised: the first few dozen analyses of a report take several times as long as
 * later ones, which the writer feels as sluggish squiggles right after opening a draft. Analysing
 * a small made-up report a few dozen times in idle moments gets the engine compiled first.
 */
import { analyze } from './analysis';
import { documentFacts } from './facts';
import { parse } from '../parser';

/** Every construct the parser and the rules look at: title, markers of all levels, figures, dates, closing. */
const SAMPLE = [
  '某县2023年法治政府建设年度报告',
  '2023年，某县坚持以习近平法治思想为指导，现将法治政府建设工作情况报告如下。',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）加强行政执法监督。一是规范执法程序；二是开展执法检查；第三，落实“三项制度”。',
  '全年办理行政复议案件40件，审结38件，审结率95%，同比增长12.5%，其中维持30件、撤销8件，共计38件。',
  '1. 完善公开目录，主动公开信息1.2万余条。',
  '2、加强信用监管（1）建立台账（2）定期通报。',
  '（三）深化政务公开',
  '二、存在的不足和原因',
  '一是执法队伍专业化水平不高。究其原因，主要是培训不够。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '县政府主要负责人认真履行法治建设第一责任人职责，3月15日主持召开常务会议。',
  '四、2024年推进法治政府建设的主要安排',
  '（一）持续深化依法行政',
  '某县人民政府',
  '2024年1月10日',
].join('\n');

const ROUNDS = 40;

/** Runs the rounds one per macrotask, so any message from the client is handled in between. */
export function warmUp(docsDir: string, done?: () => void): void {
  let round = 0;
  const step = () => {
    try {
      const text = round % 2 ? SAMPLE : SAMPLE.replace('（三）', '（二）');
      analyze({
        kind: 'analyze', uri: 'warmup:', version: round, generation: 0, text, format: round % 4 === 3 ? 'markdown' : 'text',
        locale: round % 3 ? 'zh' : 'en', config: { rules: {} }, lint: true, docsDir, eagerFacts: false, maxDiagnostics: 1000,
      });
      if (round % 8 === 0) documentFacts(parse(text));
    } catch {
      return; // warming up is an optimisation; a failing rule shows up in real analyses instead
    }
    if (++round < ROUNDS) setImmediate(step);
    else done?.();
  };
  setImmediate(step);
}
