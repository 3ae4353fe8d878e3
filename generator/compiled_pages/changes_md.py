"""changes.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "966c9406abad84c6ff272dad23a8032e4524d74f76869ee5338504d260478469"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changes.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_statement = resolve('statement')
    l_0_previous = resolve('previous')
    l_0_version = resolve('version')
    l_0_links = resolve('links')
    l_0_previous_link = resolve('previous_link')
    l_0_verdict = resolve('verdict')
    l_0_public_assessment = resolve('public_assessment')
    l_0_diff = resolve('diff')
    l_0_anchors = resolve('anchors')
    l_0_section_links = resolve('section_links')
    l_0_original_wording = resolve('original_wording')
    l_0_borrowed = resolve('borrowed')
    l_0_redline = resolve('redline')
    l_0_side_by_side = resolve('side_by_side')
    l_0_verdict_words = l_0_severity_names = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_5 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_6 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    try:
        t_7 = environment.tests['string']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'string' found.")
    pass
    l_0_verdict_words = {'none': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'none'), 'formatting': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'formatting'), 'editorial': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'editorial'), 'substantive': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'substantive'), 'material': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'material')}
    context.vars['verdict_words'] = l_0_verdict_words
    context.exported_vars.add('verdict_words')
    l_0_severity_names = {'formatting': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Formatting'), 'editorial': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Editorial'), 'substantive': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Substantive'), 'material': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Material')}
    context.vars['severity_names'] = l_0_severity_names
    context.exported_vars.add('severity_names')
    yield '# '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed in the %(title)s', title=t_4(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title')))))
    yield '\n\n<div class="statement-header statement-header--changes" role="region" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'About these changes')))
    yield '">\n<p class="statement-print-only statement-print-ref">'
    if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
        pass
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(title)s: changes in the version effective %(date)s against the version effective %(previous)s.', title=environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title'), date=t_2(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), previous=t_2(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'effective')))))
    else:
        pass
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(title)s: changes in the version effective %(date)s.', title=environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title'), date=t_2(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')))))
    yield ' '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Permanent address:')))
    yield ' <a href="./" data-statement-permalink>'
    yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'statement_id')))
    yield '/'
    yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key')))
    yield '/changes/</a></p>\n<p class="statement-changes__versions">'
    if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
        pass
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Changes in the <a href="%(url)s">version effective %(date)s</a>, compared with the <a href="%(previous_url)s">version effective %(previous)s</a>.', url=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'self'), date=t_2(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), previous_url=(undefined(name='previous_link') if l_0_previous_link is missing else l_0_previous_link), previous=t_2(environment.getattr((undefined(name='previous') if l_0_previous is missing else l_0_previous), 'effective')))))
    else:
        pass
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Changes in the <a href="%(url)s">version effective %(date)s</a>.', url=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'self'), date=t_2(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')))))
    yield '</p>\n'
    if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'material'):
        pass
        yield '<p class="statement-verdict statement-verdict--material statement-declaration">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Declared a <strong>material</strong> change.')))
        yield '</p>\n'
    elif environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'review'):
        pass
        yield '<p class="statement-verdict statement-verdict--reviewed statement-declaration">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Reviewed: not a material change — %(reason)s', reason=environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'review'))))
        yield '</p>\n'
    if ((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict) and (undefined(name='public_assessment') if l_0_public_assessment is missing else l_0_public_assessment)):
        pass
        yield '<p class="statement-verdict statement-verdict--'
        yield escape(environment.finalize(environment.getattr((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict), 'verdict')))
        yield ' statement-assessment">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "The generator's assessment: <strong>%(verdict)s</strong>.", verdict=context.call(environment.getattr((undefined(name='verdict_words') if l_0_verdict_words is missing else l_0_verdict_words), 'get'), environment.getattr((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict), 'verdict'), environment.getattr((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict), 'verdict')))))
        yield '</p>\n'
    if (undefined(name='diff') if l_0_diff is missing else l_0_diff):
        pass
        l_0_anchors = {}
        context.vars['anchors'] = l_0_anchors
        context.exported_vars.add('anchors')
        def t_8(fiter):
            for l_1_block in fiter:
                if ((environment.getattr(l_1_block, 'kind') == 'heading') and (environment.getattr(l_1_block, 'text') not in (undefined(name='anchors') if l_0_anchors is missing else l_0_anchors))):
                    yield l_1_block
        for l_1_block in t_8(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'new')):
            l_1__ignored = missing
            _loop_vars = {}
            pass
            l_1__ignored = context.call(environment.getattr((undefined(name='anchors') if l_0_anchors is missing else l_0_anchors), 'update'), {environment.getattr(l_1_block, 'text'): environment.getattr(l_1_block, 'anchor')}, _loop_vars=_loop_vars)
            _loop_vars['_ignored'] = l_1__ignored
        l_1_block = l_1__ignored = missing
        yield '<p class="statement-stats"><span class="statement-row__added">+'
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'words_added')))
        yield '</span> <span class="statement-row__removed">&minus;'
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'words_removed')))
        yield '</span> '
        if environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'sections_touched'):
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'words: %(added)s added, %(removed)s removed, in %(sections)s.', added=environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'words_added'), removed=environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'words_removed'), sections=context.call((undefined(name='section_links') if l_0_section_links is missing else l_0_section_links), environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'sections_touched'), (undefined(name='anchors') if l_0_anchors is missing else l_0_anchors)))))
        else:
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'words: %(added)s added, %(removed)s removed.', added=environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'words_added'), removed=environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'words_removed'))))
        yield '</p>\n'
    if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary'):
        pass
        l_0_borrowed = context.call((undefined(name='original_wording') if l_0_original_wording is missing else l_0_original_wording), (undefined(name='version') if l_0_version is missing else l_0_version))
        context.vars['borrowed'] = l_0_borrowed
        context.exported_vars.add('borrowed')
        yield '<p class="statement-summary"><strong>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Summary:')))
        yield '</strong> '
        if (undefined(name='borrowed') if l_0_borrowed is missing else l_0_borrowed):
            pass
            yield '<span class="statement-original-wording">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "In the original's words (%(language)s):", language=environment.getattr((undefined(name='borrowed') if l_0_borrowed is missing else l_0_borrowed), 'name'))))
            yield '</span> <span lang="'
            yield escape(environment.finalize(environment.getattr((undefined(name='borrowed') if l_0_borrowed is missing else l_0_borrowed), 'lang')))
            yield '">'
            yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary')))
            yield '</span>'
        else:
            pass
            yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary')))
        yield '</p>\n'
    yield '<nav class="statement-links" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'These changes')))
    yield '">\n<ul class="statement-plain-list">\n<li><a class="statement-link statement-link--primary" href="'
    yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'self')))
    yield '">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read this version')))
    yield '</a></li>\n'
    if (undefined(name='previous') if l_0_previous is missing else l_0_previous):
        pass
        yield '<li><a class="statement-link" href="'
        yield escape(environment.finalize((undefined(name='previous_link') if l_0_previous_link is missing else l_0_previous_link)))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read the previous version')))
        yield '</a></li>'
    yield '<li><a class="statement-link" href="'
    yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'history')))
    yield '">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'History')))
    yield '</a></li>\n<li><a class="statement-link" href="'
    yield escape(environment.finalize((environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'compare_previous') or environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'compare'))))
    yield '">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare other versions')))
    yield '</a></li>\n</ul>\n</nav>\n</div>\n\n'
    if ((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict) and environment.getattr((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict), 'findings')):
        pass
        yield '<div class="statement-findings" role="region" aria-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Findings')))
        yield '">\n<h2 id="findings">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Findings')))
        yield '</h2>\n<p class="statement-findings__about">'
        if (undefined(name='public_assessment') if l_0_public_assessment is missing else l_0_public_assessment):
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What the generator found when it compared the two versions, most significant first: each clause as it was and as it is now, the changed words marked. Whether a version is a material change is what its own front-matter declares.')))
        else:
            pass
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What the generator found when it compared the two versions: each clause as it was and as it is now, the changed words marked. Whether a version is a material change is what its own front-matter declares.')))
        yield '</p>\n<ul>\n'
        for l_1_finding in environment.getattr((undefined(name='verdict') if l_0_verdict is missing else l_0_verdict), 'findings'):
            l_1_finding_message = resolve('finding_message')
            l_1_section = missing
            _loop_vars = {}
            pass
            yield '<li class="statement-finding'
            if (undefined(name='public_assessment') if l_0_public_assessment is missing else l_0_public_assessment):
                pass
                yield ' statement-finding--'
                yield escape(environment.finalize(environment.getattr(l_1_finding, 'severity')))
            yield '" data-rule="'
            yield escape(environment.finalize(environment.getattr(l_1_finding, 'rule')))
            yield '">'
            l_1_section = ((t_3(context.eval_ctx, environment.getattr(l_1_finding, 'section'), ' › ') if (not t_7(environment.getattr(l_1_finding, 'section'))) else environment.getattr(l_1_finding, 'section')) if environment.getattr(l_1_finding, 'section') else '')
            _loop_vars['section'] = l_1_section
            if ((undefined(name='public_assessment') if l_0_public_assessment is missing else l_0_public_assessment) and (undefined(name='section') if l_1_section is missing else l_1_section)):
                pass
                yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '<strong>%(severity)s</strong> in <em>%(section)s</em>:', severity=context.call(environment.getattr((undefined(name='severity_names') if l_0_severity_names is missing else l_0_severity_names), 'get'), environment.getattr(l_1_finding, 'severity'), t_1(environment.getattr(l_1_finding, 'severity')), _loop_vars=_loop_vars), section=(undefined(name='section') if l_1_section is missing else l_1_section), _loop_vars=_loop_vars)))
                yield ' '
            elif (undefined(name='public_assessment') if l_0_public_assessment is missing else l_0_public_assessment):
                pass
                yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '<strong>%(severity)s</strong>:', severity=context.call(environment.getattr((undefined(name='severity_names') if l_0_severity_names is missing else l_0_severity_names), 'get'), environment.getattr(l_1_finding, 'severity'), t_1(environment.getattr(l_1_finding, 'severity')), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield ' '
            elif (undefined(name='section') if l_1_section is missing else l_1_section):
                pass
                yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'In <em>%(section)s</em>:', section=(undefined(name='section') if l_1_section is missing else l_1_section), _loop_vars=_loop_vars)))
                yield ' '
            yield escape(environment.finalize(context.call((undefined(name='finding_message') if l_1_finding_message is missing else l_1_finding_message), l_1_finding, _loop_vars=_loop_vars)))
            yield '\n'
            if ((not t_6(environment.getattr(l_1_finding, 'old'))) or (not t_6(environment.getattr(l_1_finding, 'new')))):
                pass
                yield '<dl class="statement-finding__clauses">\n'
                if (not t_6(environment.getattr(l_1_finding, 'old'))):
                    pass
                    yield '<dt>'
                    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Was', _loop_vars=_loop_vars)))
                    yield '</dt><dd class="statement-finding__old">'
                    yield escape(environment.finalize(t_5(environment.getattr(l_1_finding, 'old_html'))))
                    yield '</dd>'
                if (not t_6(environment.getattr(l_1_finding, 'new'))):
                    pass
                    yield '<dt>'
                    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Now', _loop_vars=_loop_vars)))
                    yield '</dt><dd class="statement-finding__new">'
                    yield escape(environment.finalize(t_5(environment.getattr(l_1_finding, 'new_html'))))
                    yield '</dd>'
                yield '</dl>\n'
            yield '</li>\n'
        l_1_finding = l_1_section = l_1_finding_message = missing
        yield '</ul>\n</div>\n'
    yield '\n'
    if (not (undefined(name='previous') if l_0_previous is missing else l_0_previous)):
        pass
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This is the first published version; there is nothing earlier to compare it with.')))
        yield '\n'
    elif ((undefined(name='diff') if l_0_diff is missing else l_0_diff) and environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'is_empty')):
        pass
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), "The text of this version is the same as the previous version's.")))
        yield '\n'
    elif (undefined(name='diff') if l_0_diff is missing else l_0_diff):
        pass
        yield '<div class="redline-views" data-redline>\n<div class="redline-controls" role="group" aria-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Redline view')))
        yield '">\n<label><input type="checkbox" class="redline-toggle-sbs"> '
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Side by side')))
        yield '</label>\n<label><input type="checkbox" class="redline-toggle-only"> '
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Only changed passages')))
        yield '</label>\n'
        if environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'formatting'):
            pass
            yield '<label><input type="checkbox" class="redline-toggle-formatting"> '
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Mark formatting-only changes (%(num)d)', num=environment.getattr(environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'stats'), 'formatting'))))
            yield '</label>'
        yield '</div>\n<h2 id="redline">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Redline')))
        yield '</h2>\n<div class="redline redline-inline" aria-describedby="redline-legend">\n<p id="redline-legend" class="redline-legend">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '<del>Deleted text</del> and <ins>inserted text</ins> are marked; screen readers announce each.')))
        yield '</p>\n'
        yield escape(environment.finalize((undefined(name='redline') if l_0_redline is missing else l_0_redline)))
        yield '\n</div>\n<div class="redline redline-side-by-side" hidden>\n'
        yield escape(environment.finalize((undefined(name='side_by_side') if l_0_side_by_side is missing else l_0_side_by_side)))
        yield '\n</div>\n</div>\n'
    yield '\n<p class="statement-print-only statement-print-foot">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(title)s: changes in the version effective %(date)s.', title=environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title'), date=t_2(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')))))
    yield ' '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Permanent address:')))
    yield ' <a href="./" data-statement-permalink>'
    yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'statement_id')))
    yield '/'
    yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key')))
    yield '/changes/</a></p>'

blocks = {}
debug_info = '1=69&2=72&3=76&5=78&6=80&7=93&9=100&10=103&11=105&12=108&14=110&15=113&17=117&18=119&19=122&20=134&22=145&23=147&24=151&26=167&28=169&29=173&30=181&31=185&36=189&37=192&38=194&39=196&41=203&42=209&43=232&45=235&46=242&55=254&56=256&57=258&58=260&59=262&61=265&62=267&63=269&64=271&66=277&68=279&69=281&72=283&77=286'
