# Convert Bertalign's InterText link files (corpus/mac/test/intertext) to bitext beads:
# "[zh line ids]:[en line ids]", 0-based. xtargets are 'EN_IDS;ZH_IDS'; ids map to line numbers
# by the order of the <s id> elements of each side's XML, which is the order of split/NNN.{zh,en}.
import re, os
os.makedirs('beads', exist_ok=True)
for k in range(1, 25):
    n = '%03d' % k
    def ids(side):
        return {m: i for i, m in enumerate(re.findall(r'<s id="([^"]+)"', open(f'intertext/corpus_test.{n}_{side}.xml', encoding='utf-8').read()))}
    zh, en = ids('zh'), ids('en')
    assert len(zh) == sum(1 for _ in open(f'split/{n}.zh', encoding='utf-8')), n
    assert len(en) == sum(1 for _ in open(f'split/{n}.en', encoding='utf-8')), n
    out = []
    for m in re.finditer(r"xtargets='([^']*)'", open(f'intertext/corpus_test.{n}_zh.{n}_en.xml', encoding='utf-8').read()):
        e, z = m.group(1).split(';')
        z = [zh[x] for x in z.split()]; e = [en[x] for x in e.split()]
        out.append('[%s]:[%s]' % (', '.join(map(str, z)), ', '.join(map(str, e))))
    open(f'beads/{n}.gold', 'w').write('\n'.join(out) + '\n')
